namespace Pipeline.Ml.Features;

/// <summary>What Featurize produced: split sizes and the width of the <c>Features</c> vector.</summary>
public sealed record FeaturizeResult(long TrainRows, long TestRows, int FeatureCount);
