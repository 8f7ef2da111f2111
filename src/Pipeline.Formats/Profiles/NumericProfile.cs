namespace Pipeline.Formats.Profiles;

/// <summary>The distribution of a numeric column's non-missing values.</summary>
public sealed record NumericProfile(double Mean, double Std, double Min, double Max, IReadOnlyList<QuantilePoint> Quantiles, HistogramProfile Histogram);
