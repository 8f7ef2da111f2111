namespace Pipeline.Ml.Profiles;

/// <summary>The value at probability <paramref name="P"/> of a distribution.</summary>
internal sealed record QuantilePoint(double P, double Value);
