namespace Pipeline.Ml.Profiles;

/// <summary>The top categories by count (ties by value, ordinal), and the rest lumped as <c>Other</c>.</summary>
internal sealed record CategoricalProfile(IReadOnlyList<CategoryFrequency> Top, long OtherCount, double OtherShare, int Distinct);
