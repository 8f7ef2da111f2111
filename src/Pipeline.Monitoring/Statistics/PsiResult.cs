namespace Pipeline.Monitoring.Statistics;

/// <summary>Result of <see cref="PopulationStabilityIndex"/>: the index and the binning behind it.</summary>
/// <param name="Psi">The population stability index.</param>
/// <param name="CutPoints">The B - 1 inner cut points (reference quantiles); empty for categorical input.</param>
/// <param name="ExpectedCounts">Reference counts per bin.</param>
/// <param name="ActualCounts">Current counts per bin.</param>
public sealed record PsiResult(double Psi, double[] CutPoints, long[] ExpectedCounts, long[] ActualCounts);
