using System.Diagnostics;
using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// Trains and validates one configuration on every fold at one data fraction, in its own seeded MLContext, which
/// <paramref name="cancellation"/> stops (<see cref="MlCancellation"/>).
/// </summary>
internal sealed class TrialRunner(TrialData data, MlTask task, string metric, int runSeed, CancellationToken cancellation = default)
{
    /// <summary>Runs a trial; a trainer that throws yields a NaN value and the error, not a failed search.</summary>
    public TrialResult Run(TrialConfig config, int rung, double fraction)
    {
        var watch = Stopwatch.StartNew();
        var result = new TrialResult(config.Index, rung, data.FractionAt(fraction), config.Trainer, config.Params, double.NaN);
        try
        {
            cancellation.ThrowIfCancellationRequested();
            var ml = new MLContext(config.SeedAt(runSeed, rung));
            using var stop = ml.StopOn(cancellation);
            var spec = TrainerCatalog.Get(task, config.Trainer);
            var values = new List<double>();
            var predictions = new List<PredictionSet>();
            for (var fold = 0; fold < data.Folds.Count; fold++)
            {
                cancellation.ThrowIfCancellationRequested();
                var model = spec.Create(ml, config.Params).Fit(data.TrainAt(fold, fraction));
                var scored = PredictionReader.Read(model.Transform(data.Folds[fold].Validation), task);
                predictions.Add(scored);
                values.Add(new TaskMetrics(task, scored, 0.5).Value(metric));
            }

            result = result with { Value = values.Average(), Validation = Concat(predictions) };
        }
        // NOTE: one failing configuration (e.g. a trainer that cannot fit a tiny data fraction) must not stop the
        // search; the failure is recorded in the trial and the search fails only when every trial fails.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidDataException or FormatException or ArithmeticException)
        {
            result = result with { Error = e.Message };
        }

        return result with { DurationMs = watch.ElapsedMilliseconds };
    }

    private static PredictionSet Concat(List<PredictionSet> sets) => sets.Count == 1
        ? sets[0]
        : new PredictionSet(
            [.. sets.SelectMany(s => s.Labels)],
            [.. sets.SelectMany(s => s.Scores)],
            [.. sets.SelectMany(s => s.ClassProbabilities)],
            sets[0].ClassCount);
}
