namespace Pipeline.Git.Slurm;

/// <summary>How targets are submitted to Slurm (<c>--slurm-partition</c>, <c>--slurm-args</c>, <c>--remote</c>).</summary>
/// <param name="Partition">The partition (<c>sbatch --partition</c>); null for the cluster's default.</param>
/// <param name="ExtraArgs">Further <c>sbatch</c> arguments, split on spaces (e.g. <c>--gres=gpu:1 --time=02:00:00</c>).</param>
/// <param name="RemoteName">The DVC remote outputs travel through; null for <c>core.remote</c>.</param>
/// <param name="PollInterval">How often the job's state and log are read.</param>
public sealed record SlurmSettings(string? Partition, string? ExtraArgs, string? RemoteName, TimeSpan PollInterval)
{
    /// <summary>
    /// Where the worker checkouts go (<c>--slurm-workdir</c>): a folder the driver and every node see at the same path
    /// (a shared file system), not the driver's /tmp. Null: <c>.nuke/temp/slurm</c> in the repository.
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// Further arguments of the target's own run in each job (<c>./build.sh &lt;Target&gt; --skip --executor local …</c>),
    /// e.g. the pipeline's <c>--trial-executor slurm</c> with the partition and sbatch arguments, so a target can
    /// submit its own work (Train's trial arrays) to the same cluster.
    /// </summary>
    public IReadOnlyList<string> WorkerArgs { get; init; } = [];

    /// <summary>
    /// The Slurm job this process runs in (its <c>SLURM_JOB_ID</c>), when it is a target's job: the job arrays it submits
    /// name it in their comment, so that the driver can cancel them when that job ends without having done so itself.
    /// </summary>
    public string? ParentJobId { get; init; }

    /// <summary>The worker checkouts' folder for the repository at <paramref name="repoRoot"/>.</summary>
    public string WorkDirectoryFor(string repoRoot) =>
        Path.GetFullPath(WorkDirectory is { Length: > 0 } dir ? dir : Path.Combine(repoRoot, ".nuke", "temp", "slurm"), repoRoot);

    /// <summary>The <c>sbatch</c> arguments these settings add.</summary>
    public IReadOnlyList<string> SbatchArgs() =>
        [.. Partition is { Length: > 0 } p ? new[] { $"--partition={p}" } : [], .. (ExtraArgs ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
