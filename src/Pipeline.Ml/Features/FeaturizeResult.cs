namespace Pipeline.Ml.Features;

/// <summary>What Featurize produced: split sizes and the width of the <c>Features</c> vector.</summary>
public sealed record FeaturizeResult(long TrainRows, long TestRows, int FeatureCount)
{
    /// <summary>The text n-grams kept as features, over every text column (at most <c>featurize.max_ngrams</c> each).</summary>
    public int TextNgrams { get; init; }

    /// <summary>The distinct text n-grams seen in the train rows, over every text column.</summary>
    public int TextNgramsSeen { get; init; }
}
