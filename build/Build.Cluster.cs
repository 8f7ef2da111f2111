using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Git.Slurm;

namespace ReferencePipeline;

/// <summary>Where targets that must execute run: this process (default) or a Slurm cluster (<c>--executor slurm</c>).</summary>
internal sealed partial class Build
{
    [Parameter("Where targets that must execute run: local (default, this process) or slurm (one sbatch job each; needs SLURM_CONF and a DVC remote)")]
    readonly string Executor = "local";
    [Parameter("--executor slurm: the partition to submit to (default: the cluster's default)")] readonly string? SlurmPartition;
    [Parameter("--executor slurm: further sbatch arguments, e.g. \"--gres=gpu:1 --time=02:00:00\"")] readonly string? SlurmArgs;
    [Parameter("--executor slurm: where the worker checkouts go, a folder every node sees at the same path (default: .nuke/temp/slurm)")] readonly string? SlurmWorkdir;

    protected override ITargetExecutor? OpenTargetExecutor() => Executor.ToLowerInvariant() switch
    {
        "local" => null,
        "slurm" => SlurmExecutor.Open(RootDirectory, new SlurmSettings(SlurmPartition, SlurmArgs, Remote, TimeSpan.FromMilliseconds(500)) { WorkDirectory = SlurmWorkdir },
            TimeProvider.System),
        _ => throw new UsageException($"--executor takes local or slurm, got '{Executor}'."),
    };
}
