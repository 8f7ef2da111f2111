using System.Globalization;

namespace Pipeline.Ml.Validation;

/// <summary>
/// What Validate counted in a recommendation snapshot (the <c>interactions</c> section of reports/validation.json):
/// users, items, (user, item, time) combinations that occur more than once (kept: repeated interactions) and users with
/// a single interaction (kept in training, never evaluated).
/// </summary>
internal sealed record InteractionSection(long Users, long Items, long RepeatedInteractions, long SingleInteractionUsers)
{
    /// <summary>A few repeated combinations, most repeated first (<c>user/item/time ×count</c>).</summary>
    public IReadOnlyList<string> RepeatedExamples { get; init; } = [];

    /// <summary>The counts as one line each for the log, only the non-zero ones.</summary>
    public IEnumerable<string> Notes()
    {
        if (RepeatedInteractions > 0) yield return string.Create(CultureInfo.InvariantCulture, $"{RepeatedInteractions} (user, item, time) combinations occur more than once (e.g. {string.Join(", ", RepeatedExamples.Take(3))}): kept as repeated interactions; remove the copies upstream if they are not.");
        if (SingleInteractionUsers > 0) yield return string.Create(CultureInfo.InvariantCulture, $"{SingleInteractionUsers} of {Users} users have a single interaction: kept in training, never evaluated (a per-user split needs two).");
    }

    /// <summary>The summary line of reports/validation.txt.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"Interactions: {Users} users, {Items} items; {RepeatedInteractions} (user, item, time) combinations repeated{(RepeatedExamples.Count > 0 ? " (" + string.Join(" | ", RepeatedExamples.Take(3)) + ")" : "")}; {SingleInteractionUsers} users with a single interaction");
}
