namespace Pipeline.Engine.Execution;

/// <summary>One target that must execute, as handed to an <see cref="ITargetExecutor"/>.</summary>
/// <param name="Target">The target's name, as on the command line.</param>
/// <param name="RootDirectory">The driver's repository root (absolute).</param>
/// <param name="StagingRoot">Where the outputs must be left, each at its repository-relative path.</param>
/// <param name="Outputs">Every declared output (outputs, metrics, plots), relative to the root.</param>
/// <param name="RunCacheKey">The run-cache key of the target's current code, inputs and params (what a remote run saves its outputs under).</param>
/// <param name="Log">The target's log (lines are prefixed with its name when targets interleave).</param>
/// <param name="RunInProcessAsync">Runs the target's actions in this process, writing into <paramref name="StagingRoot"/>.</param>
public sealed record TargetJob(
    string Target,
    string RootDirectory,
    string StagingRoot,
    IReadOnlyList<string> Outputs,
    string RunCacheKey,
    ITargetLog Log,
    Func<Task> RunInProcessAsync);
