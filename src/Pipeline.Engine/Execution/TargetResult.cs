namespace Pipeline.Engine.Execution;

/// <summary>One row of the end-of-run summary and of <c>.nuke/temp/run.json</c>.</summary>
internal sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string Reason)
{
    /// <summary>Notes a target added with <see cref="ITargetContext.Summary"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Notes { get; init; } = [];
}
