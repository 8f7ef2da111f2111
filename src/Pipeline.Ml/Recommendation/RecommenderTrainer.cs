using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The Train stage for recommendation: carves a validation split from the training interactions (the same per-user
/// split, so validation is each user's latest training interactions), fits every candidate of
/// <see cref="RecommenderCatalog.Candidates"/> on the rest, picks the best <c>ndcg_at_10</c> on validation (ties: the
/// earlier trial), refits it on all training interactions, and writes the model, models/model.json and reports/trials.csv.
/// The same data, params and seed give byte-identical files. <c>progress</c> hears each scored candidate (done of all,
/// best so far), on the calling thread.
/// </summary>
public static class RecommenderTrainer
{
    /// <summary>The metric the search maximises.</summary>
    public const string Metric = MetricNames.NdcgAt10;

    public static RecommenderTrainResult Run(string trainCsv, RecommendationColumns columns, RecommenderTrainOptions options, TrainOutputs outputs, IProgress<RecommenderSearchStatus>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputs);
        var table = InteractionTable.Read(trainCsv, columns, cancellation);
        var carve = UserSplit.Split(table.Interactions, options.Seed);
        if (carve.Test.Count == 0) throw new InvalidDataException($"{Path.GetFileName(trainCsv)}: no user has two training interactions, so there is nothing to validate the search on. Recommendation needs users with several interactions.");
        var inner = InteractionMatrix.Build(carve.Train);
        var trials = new List<RecommenderTrial>();
        // NOTE: EASE's dense item × item matrix is skipped for larger catalogues (RecommenderCatalog).
        var candidates = RecommenderCatalog.Candidates(options.Models, options.Budget, options.Seed).Where(c => c.Model != EaseScorer.Kind || inner.Items.Length <= EaseScorer.MaxItems).ToList();
        RecommenderTrial? best = null;
        foreach (var config in candidates)
        {
            cancellation.ThrowIfCancellationRequested();
            var model = RecommenderModel.Create(inner, config.Fit(inner, options.Seed, cancellation), explicitRatings: false);
            var run = RankingProtocol.Rank(model, carve.Test, options.RelevantAt, table.IsExplicit, 10);
            var scores = RankingMetrics.Compute(run.Users, 10, model.Items.Count);
            var trial = new RecommenderTrial(trials.Count, config, scores);
            trials.Add(trial);
            if (best is null || MetricNames.Goodness(Metric, trial.Scores.Ndcg) > MetricNames.Goodness(Metric, best.Scores.Ndcg)) best = trial;
            progress?.Report(new RecommenderSearchStatus(trials.Count, candidates.Count, trial, best));
        }

        if (best is null) throw new InvalidOperationException("The recommendation search had no candidate to try.");
        var full = InteractionMatrix.Build(table.Interactions);
        var final = RecommenderModel.Create(full, best.Config.Fit(full, options.Seed, cancellation), table.IsExplicit, ItemAttributes.From(table, columns, full.Items));
        final.Save(outputs.ModelPath);
        new ModelInfo(MlTask.Recommendation, best.Config.Model, best.Config.Params, Metric, best.Scores.Ndcg, double.NaN, options.Seed, best.Trial).Write(ModelInfo.PathFor(outputs.ModelPath));
        WriteTrials(outputs.TrialsPath, trials);
        return new RecommenderTrainResult(trials, best);
    }

    private static void WriteTrials(string path, List<RecommenderTrial> trials)
    {
        using var writer = new CsvSnapshotWriter(path, ["trial", "trainer", "params", MetricNames.NdcgAt10, MetricNames.HitRateAt10, MetricNames.RecallAt10, MetricNames.Coverage]);
        foreach (var t in trials)
        {
            writer.WriteRow([
                t.Trial.ToString(CultureInfo.InvariantCulture), t.Config.Model, t.Config.ParamsText,
                Number(t.Scores.Ndcg), Number(t.Scores.HitRate), Number(t.Scores.Recall), Number(t.Scores.Coverage),
            ]);
        }

        writer.Complete();
    }

    private static string Number(double value) => RoundedNumber.Csv(value);
}
