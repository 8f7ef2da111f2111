namespace Pipeline.Ml.Recommendation;

/// <summary>One test user's top-k and relevant items.</summary>
internal sealed record UserRanking(string User, IReadOnlyList<string> Ranked, IReadOnlySet<string> Relevant);
