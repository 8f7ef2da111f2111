namespace Pipeline.Ml.Recommendation;

/// <summary>Each evaluated user's ranking and relevant items, with the cold-start users and test rows on items outside the catalogue.</summary>
internal sealed record RankingRun(IReadOnlyList<UserRanking> Rankings, int ColdStartUsers, int ColdStartRows)
{
    /// <summary>The rankings as <see cref="RankingMetrics.Compute"/> takes them.</summary>
    public IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlySet<string> Relevant)> Users => [.. Rankings.Select(r => (r.Ranked, r.Relevant))];
}
