namespace Pipeline.Git.Slurm;

/// <summary>How targets are submitted to Slurm (<c>--slurm-partition</c>, <c>--slurm-args</c>, <c>--remote</c>).</summary>
/// <param name="Partition">The partition (<c>sbatch --partition</c>); null for the cluster's default.</param>
/// <param name="ExtraArgs">Further <c>sbatch</c> arguments, split on spaces (e.g. <c>--gres=gpu:1 --time=02:00:00</c>).</param>
/// <param name="RemoteName">The DVC remote outputs travel through; null for <c>core.remote</c>.</param>
/// <param name="PollInterval">How often the job's state and log are read.</param>
public sealed record SlurmSettings(string? Partition, string? ExtraArgs, string? RemoteName, TimeSpan PollInterval)
{
    /// <summary>The <c>sbatch</c> arguments these settings add.</summary>
    public IReadOnlyList<string> SbatchArgs() =>
        [.. Partition is { Length: > 0 } p ? new[] { $"--partition={p}" } : [], .. (ExtraArgs ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
