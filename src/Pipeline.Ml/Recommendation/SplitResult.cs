namespace Pipeline.Ml.Recommendation;

/// <summary>
/// A per-user split and what it counted: users with a single interaction (training only), items seen only in test
/// (cold start: no model can rank them) and the test rows on such items, and (user, item, time) rows that occur more
/// than once (kept, counted).
/// </summary>
public sealed record SplitResult(IReadOnlyList<Interaction> Train, IReadOnlyList<Interaction> Test)
{
    public int SingleInteractionUsers { get; init; }

    public int ColdStartItems { get; init; }

    public int ColdStartTestRows { get; init; }

    public int DuplicateInteractions { get; init; }

    /// <summary>The counts as notes for the log, one line each, only the non-zero ones (repeated rows are Validate's note).</summary>
    public IEnumerable<string> Notes()
    {
        if (SingleInteractionUsers > 0) yield return $"{SingleInteractionUsers} users have a single interaction: kept in training, not evaluated.";
        if (ColdStartItems > 0) yield return $"{ColdStartItems} items occur only in test ({ColdStartTestRows} test rows): cold start, no model can rank them; they are left out of the relevant items.";
    }
}
