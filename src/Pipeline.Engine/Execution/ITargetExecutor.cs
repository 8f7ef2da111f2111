namespace Pipeline.Engine.Execution;

/// <summary>
/// Where the code of a target that must execute runs: in this process (the default), or elsewhere, e.g. as a job on a
/// cluster scheduler. Only "run this target's code" is delegated: planning, up-to-date decisions, hashing, the
/// run-cache and <c>dvc.lock</c> stay with the driver, which commits what <see cref="ExecuteAsync"/> left staged.
/// Returned by <see cref="PipelineBuild.OpenTargetExecutor"/>. Called from several targets at once.
/// </summary>
public interface ITargetExecutor : IDisposable
{
    /// <summary>What the executor is, for messages (e.g. <c>local</c>, <c>slurm</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Runs <paramref name="job"/> so that every declared output ends up under <see cref="TargetJob.StagingRoot"/> at its
    /// repository-relative path; throws when the target failed (a <see cref="Failures.PipelineException"/> carries a
    /// one-line message for people). Returns where the job ran.
    /// </summary>
    Task<Placement> ExecuteAsync(TargetJob job, CancellationToken cancellation);
}
