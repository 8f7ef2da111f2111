using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// How the recommendation search runs, from params.yaml: <c>train.trainers</c> (the names of
/// <see cref="RecommenderCatalog.Models"/> it lists, always with the popularity baseline; none listed: all, with a note), <c>train.budget</c> (configurations
/// per model), <c>train.seed</c>, <c>evaluate.relevant_at</c> (the validation metric's protocol: ndcg_at_10).
/// </summary>
public sealed record RecommenderTrainOptions
{
    public IReadOnlyList<string> Models { get; init; } = RecommenderCatalog.Models;

    public int Budget { get; init; } = 8;

    public int Seed { get; init; } = 7;

    public double RelevantAt { get; init; } = RecommendationEvaluationOptions.DefaultRelevantAt;

    /// <summary>Why <see cref="Models"/> differs from train.trainers, or null.</summary>
    public string? Note { get; init; }

    /// <summary>Options from the <c>train</c> section (the keys other tasks use are accepted; only trainers, budget and seed are read).</summary>
    public static RecommenderTrainOptions FromParams(IReadOnlyDictionary<string, string> train, RecommendationEvaluationOptions evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        var s = new ParamSection("train", train, TrainOptions.Keys);
        var listed = s.List("trainers");
        var models = listed.Where(t => RecommenderCatalog.Models.Contains(t.Trim().ToLowerInvariant())).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        return new RecommenderTrainOptions
        {
            Models = models.Count > 0 ? [.. models.Prepend(PopularityScorer.Kind).Distinct()] : RecommenderCatalog.Models,
            Note = models.Count == listed.Count ? null : $"train.trainers: {string.Join(", ", listed.Except(models))} {(listed.Count - models.Count == 1 ? "is" : "are")} not a recommendation model; searching {string.Join(", ", models.Count > 0 ? models : RecommenderCatalog.Models)}.",
            Budget = s.Integer("budget", 8, min: 1),
            Seed = s.Integer("seed", 7, min: 0),
            RelevantAt = evaluate.RelevantAt,
        };
    }
}
