namespace Pipeline.Formats.Profiles;

/// <summary>The value at probability <paramref name="P"/> of a distribution.</summary>
public sealed record QuantilePoint(double P, double Value);
