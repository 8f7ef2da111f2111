namespace Pipeline.Ml.Evaluation;

/// <summary>The metrics of the holdout rows with one value of the slice column.</summary>
public sealed record SliceResult(string Value, int Rows, IReadOnlyList<KeyValuePair<string, double>> Metrics);
