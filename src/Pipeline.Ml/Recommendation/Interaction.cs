namespace Pipeline.Ml.Recommendation;

/// <summary>
/// One (user, item) interaction: its rating (1 for implicit feedback), its time as a sortable number (null without
/// <c>data.time</c>) and its row in the file it was read from (the tie-break that keeps every order deterministic).
/// </summary>
public readonly record struct Interaction(string User, string Item, double Rating, double? Time, int Row);
