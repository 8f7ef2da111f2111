using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Git.Slurm;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>Where targets that must execute run: this process (default) or a Slurm cluster (<c>--executor slurm</c>).</summary>
internal sealed partial class Build
{
    [Parameter("Where targets that must execute run: local (default, this process) or slurm (one sbatch job each; needs SLURM_CONF and a DVC remote)")]
    readonly string Executor = "local";
    [Parameter("--executor slurm: the partition to submit to (default: the cluster's default)")] readonly string? SlurmPartition;
    [Parameter("--executor slurm: further sbatch arguments, e.g. \"--gres=gpu:1 --time=02:00:00\"")] readonly string? SlurmArgs;
    [Parameter("--executor slurm: where the worker checkouts go, a folder every node sees at the same path (default: .nuke/temp/slurm)")] readonly string? SlurmWorkdir;

    [Parameter("Where Train's trials run: local (this process) or slurm (one job array per successive-halving rung); default: as --executor")]
    readonly string? TrialExecutor;

    private SlurmSettings Slurm => new(SlurmPartition, SlurmArgs, Remote, TimeSpan.FromMilliseconds(500))
    {
        WorkDirectory = SlurmWorkdir,
        ParentJobId = Environment.GetEnvironmentVariable("SLURM_JOB_ID"),
    };

    protected override ITargetExecutor? OpenTargetExecutor() => Executor.ToLowerInvariant() switch
    {
        "local" => null,
        // NOTE: each target's job runs it with --executor local; the trials of a Train job still go to the cluster.
        "slurm" => SlurmExecutor.Open(RootDirectory, Slurm with { WorkerArgs = [.. WorkerArgs()] }, TimeProvider.System),
        _ => throw new UsageException($"--executor takes local or slurm, got '{Executor}'."),
    };

    /// <summary>What a target's job passes on to its own run: where trials go, and the cluster settings they are submitted with.</summary>
    private IEnumerable<string> WorkerArgs()
    {
        yield return "--trial-executor";
        yield return TrialExecutor ?? Executor;
        if (SlurmPartition is { Length: > 0 } partition) { yield return "--slurm-partition"; yield return partition; }
        // NOTE: a value with a space is never read as an option name, so one sbatch argument ("--time=5") gets one.
        if (SlurmArgs is { Length: > 0 } args) { yield return "--slurm-args"; yield return args.Contains(' ', StringComparison.Ordinal) ? args : args + " "; }
    }

    /// <summary>Train's rung runner: a Slurm job array per rung with --trial-executor slurm (or --executor slurm), else null (in this process).</summary>
    private SlurmTrials? TrialsOnCluster(ITargetContext ctx, MlTask task, TrainOptions options) =>
        (TrialExecutor ?? Executor).ToLowerInvariant() switch
        {
            "local" => null,
            "slurm" => new SlurmTrials(RootDirectory,
                new TrialWorkerRequest(ctx.Input(Paths.TrainSet), ctx.Input(Paths.Featurizer), task, ctx.ParamSection("train"), new TrialRung(0, 1, [])),
                options.MaxParallelTrials, Slurm, ctx.Log),
            _ => throw new UsageException($"--trial-executor takes local or slurm, got '{TrialExecutor}'."),
        };
}
