namespace Pipeline.Ml.Validation;

/// <summary>Counts failures per (check, column) during the row pass and keeps the first few examples.</summary>
internal sealed class FindingTally(ValidationOptions options)
{
    private readonly SortedDictionary<(ValidationCheck Check, int Order, string? Column), (long Count, List<string> Examples, string Message)> entries = new();

    /// <summary>Records one failure; <paramref name="order"/> is the column's position, for stable output.</summary>
    public void Add(ValidationCheck check, int order, string? column, string example, string message)
    {
        var key = (check, order, column);
        if (!entries.TryGetValue(key, out var entry)) entry = (0, [], message);
        if (entry.Examples.Count < options.MaxExamples) entry.Examples.Add(example);
        entries[key] = (entry.Count + 1, entry.Examples, entry.Message);
    }

    /// <summary>The findings, ordered by check then column position.</summary>
    public IEnumerable<ValidationFinding> Findings() =>
        entries.Select(e => new ValidationFinding(e.Key.Check, options.SeverityOf(e.Key.Check), e.Key.Column, e.Value.Count,
            $"{e.Value.Count} row(s): {e.Value.Message}") { Examples = e.Value.Examples });
}
