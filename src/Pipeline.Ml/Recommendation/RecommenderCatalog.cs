using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The recommendation task's models and their search grids: <c>popularity</c> (the baseline, always tried),
/// <c>als</c> (implicit ALS: factors, regularization, alpha, iterations), <c>itemknn</c> (neighbours, shrink) and
/// <c>puresvd</c> (factors) and <c>ease</c> (lambda; tried only for catalogues of at most <see cref="EaseScorer.MaxItems"/> items),
/// and <c>lambdarank</c> (the re-ranker of the best of the others: trees, leaves, learning rate, candidates; offered
/// only when the table has side columns, <see cref="RankFeatures"/>).
/// </summary>
public static class RecommenderCatalog
{
    /// <summary>Every model name, as <c>train.trainers</c> may list them.</summary>
    public static IReadOnlyList<string> Models { get; } = [PopularityScorer.Kind, AlsScorer.Kind, ItemKnnScorer.Kind, PureSvdScorer.Kind, EaseScorer.Kind, LambdaRankScorer.Kind];

    /// <summary>The grid of <paramref name="model"/>.</summary>
    public static IReadOnlyList<RecommenderConfig> Grid(string model) => model switch
    {
        PopularityScorer.Kind => [new RecommenderConfig(model, new Dictionary<string, double>())],
        AlsScorer.Kind =>
        [
            .. from factors in new[] { 16.0, 32, 64 }
               from regularization in new[] { 0.1, 1, 10 }
               from alpha in new[] { 1.0, 5, 20 }
               select new RecommenderConfig(model, new Dictionary<string, double> { ["factors"] = factors, ["regularization"] = regularization, ["alpha"] = alpha, ["iterations"] = 12 }),
        ],
        ItemKnnScorer.Kind =>
        [
            .. from neighbours in new[] { 10.0, 25, 50, 100, 200 }
               from shrink in new[] { 0.0, 10, 50 }
               select new RecommenderConfig(model, new Dictionary<string, double> { ["neighbours"] = neighbours, ["shrink"] = shrink }),
        ],
        PureSvdScorer.Kind => [.. new[] { 5.0, 10, 20, 50, 100, 200 }.Select(factors => new RecommenderConfig(model, new Dictionary<string, double> { ["factors"] = factors }))],
        EaseScorer.Kind => [.. new[] { 10.0, 50, 200, 500, 1000, 3000 }.Select(lambda => new RecommenderConfig(model, new Dictionary<string, double> { ["lambda"] = lambda }))],
        LambdaRankScorer.Kind =>
        [
            .. from trees in new[] { 100.0, 300 }
               from leaves in new[] { 7.0, 31 }
               select new RecommenderConfig(model, new Dictionary<string, double> { ["trees"] = trees, ["leaves"] = leaves, ["learning_rate"] = 0.05, ["candidates"] = 50 }),
        ],
        _ => throw new ParamException($"params.yaml train.trainers lists '{model}', not a recommendation model; use any of: {string.Join(", ", Models)}."),
    };

    /// <summary>
    /// The candidates for <paramref name="models"/>: for each, <paramref name="budget"/> configurations drawn from its grid
    /// by a <paramref name="seed"/>ed shuffle (the whole grid when smaller; popularity has one).
    /// </summary>
    public static IReadOnlyList<RecommenderConfig> Candidates(IReadOnlyList<string> models, int budget, int seed)
    {
        var random = new Random(seed);
        var candidates = new List<RecommenderConfig>();
        foreach (var model in models)
        {
            var grid = Grid(model).ToArray();
            random.Shuffle(grid);
            candidates.AddRange(grid.Take(budget));
        }

        return candidates;
    }
}
