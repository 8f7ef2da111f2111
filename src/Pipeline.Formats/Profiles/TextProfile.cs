namespace Pipeline.Formats.Profiles;

/// <summary>The distribution of a text column's lengths in characters.</summary>
public sealed record TextProfile(double MeanLength, IReadOnlyList<QuantilePoint> LengthQuantiles);
