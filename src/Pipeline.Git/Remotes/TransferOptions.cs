namespace Pipeline.Git.Remotes;

/// <summary>Options of <see cref="Transfer.Push"/> and <see cref="Transfer.Pull"/>.</summary>
public sealed class TransferOptions
{
    /// <summary>How many objects move at once (DVC's <c>--jobs</c>); null takes the remote's <c>jobs</c> setting, else 4 × processors (DVC's default).</summary>
    public int? Jobs { get; init; }

    /// <summary>Also copy the run-cache (<c>runs/</c>) entries and the objects they name, like <c>dvc push/pull --run-cache</c>.</summary>
    public bool RunCache { get; init; }

    /// <summary>Pull only: fetch into the cache without checking the workspace out.</summary>
    public bool FetchOnly { get; init; }

    /// <summary>Pull only: objects missing on the remote are warnings, not failures (<c>dvc pull --allow-missing</c>).</summary>
    public bool AllowMissing { get; init; }

    /// <summary>Environment variables and home folder for S3 settings; null takes the process's.</summary>
    public RemoteEnvironment? Environment { get; init; }
}
