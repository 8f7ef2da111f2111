using System.Globalization;

namespace Pipeline.Ml.Recommendation;

/// <summary>One candidate of the search: a model and its hyper-parameters.</summary>
public sealed record RecommenderConfig(string Model, IReadOnlyDictionary<string, double> Params)
{
    /// <summary>The hyper-parameters as <c>name=value</c> pairs in name order (reports/trials.csv).</summary>
    public string ParamsText => string.Join(";", Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"));

    internal IItemScorer Fit(InteractionMatrix matrix, int seed, CancellationToken cancellation) => Model switch
    {
        PopularityScorer.Kind => PopularityScorer.Fit(matrix),
        AlsScorer.Kind => AlsScorer.Fit(matrix, (int)Params["factors"], Params["regularization"], Params["alpha"], (int)Params["iterations"], seed, cancellation),
        ItemKnnScorer.Kind => ItemKnnScorer.Fit(matrix, (int)Params["neighbours"], Params["shrink"], cancellation),
        PureSvdScorer.Kind => PureSvdScorer.Fit(matrix, (int)Params["factors"], seed, cancellation),
        EaseScorer.Kind => EaseScorer.Fit(matrix, Params["lambda"], cancellation),
        _ => throw new InvalidOperationException($"Unknown recommender '{Model}'."),
    };
}
