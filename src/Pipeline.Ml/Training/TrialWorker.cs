using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;

namespace Pipeline.Ml.Training;

/// <summary>
/// Runs some trials of one rung apart from the search that ranks them (a cluster job's side of
/// <see cref="ITrialRungRunner"/>): the same featurized rows, splits, sampled configurations and per-trial seeds as
/// <see cref="ModelTrainer"/>'s in-process search, so each result (value and validation predictions) is the one a
/// local run computes.
/// </summary>
public static class TrialWorker
{
    /// <summary>Runs <paramref name="rung"/>'s trials from the Train stage's inputs, one after the other.</summary>
    public static IReadOnlyList<TrialResult> Run(string trainCsvPath, string featurizerPath, TrainOptions options, TrialRung rung, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rung);
        var fractions = HalvingTuner.Fractions(options.Search);
        if (rung.Rung < 0 || rung.Rung >= fractions.Count || fractions[rung.Rung] != rung.DataFraction)
            throw new ArgumentException($"Rung {rung.Rung} at fraction {rung.DataFraction} is not a rung of the {options.Search} search (fractions {string.Join(", ", fractions)}).", nameof(rung));
        var configs = HalvingTuner.Sample(options);
        var unknown = rung.Trials.FirstOrDefault(t => t < 0 || t >= configs.Count, -1);
        if (unknown >= 0) throw new ArgumentException($"Trial {unknown} is not one of the {configs.Count} sampled (train.budget).", nameof(rung));

        // NOTE: two contexts, as ModelTrainer.Run has them (one loads, one featurizes and splits), so nothing differs.
        var load = new MLContext(options.Seed);
        var (featurizer, schema) = ModelZip.Load(load, featurizerPath);
        var raw = SnapshotLoader.Load(load, trainCsvPath, schema);
        var ml = new MLContext(options.Seed);
        using var stop = ml.StopOn(cancellation);
        using var featurized = FeaturizedRows.Spill(ml, ModelTrainer.Featurize(ml, raw, featurizer, options.Task));
        var data = TrialData.Prepare(ml, featurized.View, options, fractions);
        var runner = new TrialRunner(data, options.Task, options.ResolvedMetric, options.Seed, cancellation);
        return rung.Trials.Select(t => runner.Run(configs[t], rung.Rung, rung.DataFraction)).ToList();
    }
}
