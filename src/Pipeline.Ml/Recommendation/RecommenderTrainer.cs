using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The Train stage for recommendation: carves a validation split from the training interactions (the same per-user
/// split, so validation is each user's latest training interactions), fits every candidate of
/// <see cref="RecommenderCatalog.Candidates"/> on the rest (the <c>lambdarank</c> re-ranker last, on the best of the
/// others, when the table has side columns), picks the best <c>ndcg_at_10</c> on validation (ties: the earlier trial),
/// refits it on all training interactions, and writes the model, models/model.json and reports/trials.csv.
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
        // NOTE: EASE's dense item × item matrix is skipped for larger catalogues (RecommenderCatalog); the re-ranker is
        // offered only when the table has side columns (RankFeatures) and runs after the others, on the best of them.
        var all = RecommenderCatalog.Candidates(options.Models, options.Budget, options.Seed).Where(c => c.Model != EaseScorer.Kind || inner.Items.Length <= EaseScorer.MaxItems).ToList();
        var rerankers = all.Where(c => c.Model == LambdaRankScorer.Kind).ToList();
        var features = rerankers.Count > 0 ? RankFeatures.Build(table, columns, inner) : null;
        if (features is null) rerankers.Clear();
        var bases = all.Where(c => c.Model != LambdaRankScorer.Kind).ToList();
        var total = bases.Count + rerankers.Count;
        RecommenderTrial? best = null;
        (RecommenderTrial Trial, IItemScorer Scorer)? bestBase = null;
        RecommenderTrial Score(RecommenderConfig config, IItemScorer scorer)
        {
            var model = RecommenderModel.Create(inner, scorer, explicitRatings: false);
            var run = RankingProtocol.Rank(model, carve.Test, options.RelevantAt, table.IsExplicit, 10);
            var trial = new RecommenderTrial(trials.Count, config, RankingMetrics.Compute(run.Users, 10, model.Items.Count));
            trials.Add(trial);
            if (best is null || Better(trial, best)) best = trial;
            progress?.Report(new RecommenderSearchStatus(trials.Count, total, trial, best));
            return trial;
        }

        foreach (var config in bases)
        {
            cancellation.ThrowIfCancellationRequested();
            var scorer = config.Fit(inner, options.Seed, cancellation);
            var trial = Score(config, scorer);
            if (bestBase is null || Better(trial, bestBase.Value.Trial)) bestBase = (trial, scorer);
        }

        if (bestBase is { } chosen && rerankers.Count > 0)
        {
            // NOTE: the re-ranker learns from a split carved again from the search's training part, with the base model
            // fitted on the rest, so the validation users' held-out items never label its training groups.
            var nested = UserSplit.Split(carve.Train, options.Seed);
            var nestedMatrix = InteractionMatrix.Build(nested.Train);
            var nestedBase = chosen.Trial.Config.Fit(nestedMatrix, options.Seed, cancellation);
            var nestedFeatures = RankFeatures.Build(table, columns, nestedMatrix)!;
            foreach (var config in rerankers)
            {
                cancellation.ThrowIfCancellationRequested();
                var candidates = (int)config.Params["candidates"];
                var trees = LambdaRankTrainer.Train(new LambdaRankScorer(nestedBase, nestedFeatures, candidates, null), nestedMatrix, nested.Test, table.IsExplicit, options.RelevantAt, config.Params, options.Seed, cancellation);
                if (trees is null) break;
                var withBase = new RecommenderConfig(config.Model, new Dictionary<string, double>(config.Params) { [BaseTrial] = chosen.Trial.Trial });
                Score(withBase, new LambdaRankScorer(chosen.Scorer, features!, candidates, trees));
            }
        }

        if (best is null) throw new InvalidOperationException("The recommendation search had no candidate to try.");
        var full = InteractionMatrix.Build(table.Interactions);
        var final = RecommenderModel.Create(full, Refit(best, trials, bestBase, inner, carve.Test, full, table, columns, options, cancellation), table.IsExplicit, ItemAttributes.From(table, columns, full.Items));
        final.Save(outputs.ModelPath);
        new ModelInfo(MlTask.Recommendation, best.Config.Model, best.Config.Params, Metric, best.Scores.Ndcg, double.NaN, options.Seed, best.Trial).Write(ModelInfo.PathFor(outputs.ModelPath));
        WriteTrials(outputs.TrialsPath, trials);
        return new RecommenderTrainResult(trials, best);
    }

    /// <summary>The re-ranker's parameter naming the trial of its base model.</summary>
    internal const string BaseTrial = "base_trial";

    private static bool Better(RecommenderTrial trial, RecommenderTrial than) => MetricNames.Goodness(Metric, trial.Scores.Ndcg) > MetricNames.Goodness(Metric, than.Scores.Ndcg);

    /// <summary>
    /// The chosen model fitted on all training interactions; for the re-ranker, its base model so, and its ensemble
    /// trained again on the validation users' held-out items with the base model fitted on the search's training part.
    /// </summary>
    private static IItemScorer Refit(RecommenderTrial best, List<RecommenderTrial> trials, (RecommenderTrial Trial, IItemScorer Scorer)? bestBase, InteractionMatrix inner, IReadOnlyList<Interaction> validation, InteractionMatrix full, InteractionTable table, RecommendationColumns columns, RecommenderTrainOptions options, CancellationToken cancellation)
    {
        if (best.Config.Model != LambdaRankScorer.Kind) return best.Config.Fit(full, options.Seed, cancellation);
        var baseConfig = trials[(int)best.Config.Params[BaseTrial]].Config;
        var candidates = (int)best.Config.Params["candidates"];
        var untrained = new LambdaRankScorer(bestBase!.Value.Scorer, RankFeatures.Build(table, columns, inner)!, candidates, null);
        var trees = LambdaRankTrainer.Train(untrained, inner, validation, table.IsExplicit, options.RelevantAt, best.Config.Params, options.Seed, cancellation)
            ?? throw new InvalidOperationException("The re-ranker won the search but has no validation group to train on.");
        return new LambdaRankScorer(baseConfig.Fit(full, options.Seed, cancellation), RankFeatures.Build(table, columns, full)!, candidates, trees);
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
