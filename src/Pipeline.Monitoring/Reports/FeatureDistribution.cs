namespace Pipeline.Monitoring.Reports;

/// <summary>Reference vs current distribution of one feature, as shares per bin (numeric) or category, for plots.</summary>
/// <param name="Name">The feature.</param>
/// <param name="Bins">Bin labels (numeric: lower edges) or category names (top categories, then "(other)").</param>
/// <param name="ReferenceShares">Share of the reference's present values per bin.</param>
/// <param name="CurrentShares">Share of the current window's present values per bin.</param>
public sealed record FeatureDistribution(string Name, IReadOnlyList<string> Bins, IReadOnlyList<double> ReferenceShares, IReadOnlyList<double> CurrentShares);
