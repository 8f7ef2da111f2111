namespace Pipeline.Git.Remotes;

/// <summary>Options of <see cref="Transfer.Push"/> and <see cref="Transfer.Pull"/>.</summary>
public sealed class TransferOptions
{
    /// <summary>How many objects move at once (DVC's <c>--jobs</c>); default 4.</summary>
    public int Jobs { get; init; } = 4;

    /// <summary>Also copy the run-cache (<c>runs/</c>) entries, like <c>dvc push --run-cache</c>.</summary>
    public bool RunCache { get; init; }

    /// <summary>Pull only: fetch into the cache without checking the workspace out.</summary>
    public bool FetchOnly { get; init; }
}
