namespace Pipeline.Git.Experiments;

/// <summary>One row of the experiments table: workspace, baseline or an experiment, with flattened metrics and params.</summary>
public sealed record ExperimentRow(string Name, DateTimeOffset? Created, IReadOnlyDictionary<string, string> Metrics, IReadOnlyDictionary<string, string> Params)
{
    /// <summary>The commit (full sha) the row was read from; null for the workspace.</summary>
    public string? Commit { get; init; }
}
