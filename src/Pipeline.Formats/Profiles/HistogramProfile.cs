namespace Pipeline.Formats.Profiles;

/// <summary>Counts on equal-width bins: <c>Edges</c> has one more entry than <c>Counts</c>; the last bin includes its upper edge.</summary>
public sealed record HistogramProfile(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);
