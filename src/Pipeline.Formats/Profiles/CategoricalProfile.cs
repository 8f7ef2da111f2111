namespace Pipeline.Formats.Profiles;

/// <summary>The top categories by count (ties by value, ordinal), and the rest lumped as <c>Other</c>.</summary>
public sealed record CategoricalProfile(IReadOnlyList<CategoryFrequency> Top, long OtherCount, double OtherShare, int Distinct);
