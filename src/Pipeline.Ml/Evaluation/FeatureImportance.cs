namespace Pipeline.Ml.Evaluation;

/// <summary>How much the main metric gets worse when one raw input column is permuted (positive = the model uses it).</summary>
public sealed record FeatureImportance(string Column, double Drop);
