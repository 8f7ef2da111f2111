namespace Pipeline.Ml.Profiles;

/// <summary>The distribution of a text column's lengths in characters.</summary>
internal sealed record TextProfile(double MeanLength, IReadOnlyList<QuantilePoint> LengthQuantiles);
