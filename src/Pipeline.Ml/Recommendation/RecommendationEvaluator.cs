using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The Evaluate stage for recommendation: ranks the test users' candidates with the model (<see cref="RankingProtocol"/>),
/// writes metrics.json (<c>ndcg_at_10</c> … <c>coverage</c>, and <c>rmse</c>/<c>mae</c> of the rating baseline with
/// explicit ratings), the comparison with the production model (paired bootstrap over users of nDCG@10), and under the
/// reports folder <c>metric_at_k.csv</c>, <c>metric_at_k.png</c> and <c>popularity_bias.csv</c>.
/// </summary>
public static class RecommendationEvaluator
{
    public static RecommendationEvaluation Run(RecommendationEvaluatorOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = RecommenderModel.Load(options.ModelPath);
        var test = InteractionTable.Read(options.TestCsv, options.Columns, cancellation);
        var explicitRatings = model.PredictsRatings;
        var curveK = Math.Max(options.Evaluation.K, 10);
        var run = RankingProtocol.Rank(model, test.Interactions, options.Evaluation.RelevantAt, explicitRatings, curveK);
        if (run.Rankings.Count == 0)
            throw new InvalidDataException($"{Path.GetFileName(options.TestCsv)}: no test user has a relevant item (rating ≥ evaluate.relevant_at = {options.Evaluation.RelevantAt.ToString(CultureInfo.InvariantCulture)} on an item seen in training); lower evaluate.relevant_at or check data.label.");
        var at10 = RankingMetrics.Compute(run.Users, 10, model.Items.Count);
        var metrics = new List<KeyValuePair<string, double>>
        {
            new(MetricNames.NdcgAt10, at10.Ndcg),
            new(MetricNames.HitRateAt10, at10.HitRate),
            new(MetricNames.RecallAt10, at10.Recall),
            new(MetricNames.PrecisionAt10, at10.Precision),
            new(MetricNames.MapAt10, at10.Map),
            new(MetricNames.Coverage, at10.Coverage),
        };
        if (explicitRatings)
        {
            var errors = test.Interactions.Select(x => model.PredictRating(x.User, x.Item) - x.Rating).ToList();
            metrics.Add(new(MetricNames.Rmse, Math.Sqrt(errors.Average(e => e * e))));
            metrics.Add(new(MetricNames.Mae, errors.Average(Math.Abs)));
        }

        var result = new EvaluationResult(MlTask.Recommendation, MetricNames.NdcgAt10, metrics)
        {
            Comparison = options.ProductionModelPath is { } production && RecommenderModel.IsRecommender(production)
                ? Compare(options, RecommenderModel.Load(production), test, run, explicitRatings, cancellation)
                : null,
        };
        MetricsJson.Write(options.MetricsPath, result);
        if (options.ReportsDirectory is { } reports) WriteReports(reports, model, run, curveK);
        return new RecommendationEvaluation(result, run.Rankings.Count, run.ColdStartUsers, run.ColdStartRows);
    }

    private static ModelComparison Compare(RecommendationEvaluatorOptions options, RecommenderModel production, InteractionTable test, RankingRun candidate, bool explicitRatings, CancellationToken cancellation)
    {
        var other = RankingProtocol.Rank(production, test.Interactions, options.Evaluation.RelevantAt, explicitRatings, 10);
        var theirs = other.Rankings.ToDictionary(r => r.User, r => RankingMetrics.Ndcg(r.Ranked, r.Relevant, 10), StringComparer.Ordinal);
        var paired = candidate.Rankings.Where(r => theirs.ContainsKey(r.User)).Select(r => (Mine: RankingMetrics.Ndcg(r.Ranked, r.Relevant, 10), Theirs: theirs[r.User])).ToList();
        var interval = PairedBootstrap.MeanDifference([.. paired.Select(p => p.Mine)], [.. paired.Select(p => p.Theirs)], options.Bootstrap, options.Seed, cancellation: cancellation);
        var scores = RankingMetrics.Compute(other.Users, 10, production.Items.Count);
        return new ModelComparison(options.ProductionLabel, MetricNames.NdcgAt10,
        [
            new(MetricNames.NdcgAt10, scores.Ndcg), new(MetricNames.HitRateAt10, scores.HitRate), new(MetricNames.RecallAt10, scores.Recall),
            new(MetricNames.PrecisionAt10, scores.Precision), new(MetricNames.MapAt10, scores.Map), new(MetricNames.Coverage, scores.Coverage),
        ], interval);
    }

    private static void WriteReports(string reports, RecommenderModel model, RankingRun run, int maxK)
    {
        Directory.CreateDirectory(reports);
        var curve = RankingProtocol.Curve(run, model.Items.Count, Enumerable.Range(1, maxK));
        using (var writer = new CsvSnapshotWriter(Path.Combine(reports, "metric_at_k.csv"), ["k", "ndcg", "hit_rate", "recall", "precision", "map", "coverage"]))
        {
            foreach (var s in curve)
            {
                writer.WriteRow([s.K.ToString(CultureInfo.InvariantCulture), RoundedNumber.Csv(s.Ndcg), RoundedNumber.Csv(s.HitRate), RoundedNumber.Csv(s.Recall), RoundedNumber.Csv(s.Precision), RoundedNumber.Csv(s.Map), RoundedNumber.Csv(s.Coverage)]);
            }

            writer.Complete();
        }

        var ks = curve.Select(s => (double)s.K).ToArray();
        File.WriteAllBytes(Path.Combine(reports, "metric_at_k.png"), Reports.PlotRenderer.Curve("nDCG@k", "k", "nDCG", (ks, [.. curve.Select(s => s.Ndcg)]), diagonal: false, markers: true));
        WritePopularityBias(Path.Combine(reports, "popularity_bias.csv"), model, run);
    }

    /// <summary>Per popularity decile of the catalogue (0: the most popular tenth), its share of the training interactions and of the recommendations.</summary>
    private static void WritePopularityBias(string path, RecommenderModel model, RankingRun run)
    {
        var counts = model.Popularity.Counts;
        var byRank = Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
        var decile = new int[counts.Length];
        for (var r = 0; r < byRank.Length; r++) decile[byRank[r]] = r * 10 / byRank.Length;
        var interactions = new double[10];
        var recommended = new double[10];
        for (var i = 0; i < counts.Length; i++) interactions[decile[i]] += counts[i];
        foreach (var ranking in run.Rankings)
        {
            foreach (var item in ranking.Ranked.Take(10)) recommended[decile[model.ItemIndex(item)]]++;
        }

        var totalInteractions = Math.Max(1, interactions.Sum());
        var totalRecommended = Math.Max(1, recommended.Sum());
        using var writer = new CsvSnapshotWriter(path, ["popularity_decile", "share_of_interactions", "share_of_recommendations"]);
        for (var d = 0; d < 10; d++)
        {
            writer.WriteRow([d.ToString(CultureInfo.InvariantCulture), RoundedNumber.Csv(interactions[d] / totalInteractions), RoundedNumber.Csv(recommended[d] / totalRecommended)]);
        }

        writer.Complete();
    }
}
