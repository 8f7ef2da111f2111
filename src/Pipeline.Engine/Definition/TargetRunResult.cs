using Pipeline.Engine.Execution;

namespace Pipeline.Engine;

/// <summary>How one planned target ended, as given to <see cref="PipelineBuild.OnRunFinished"/>.</summary>
/// <param name="Name">The target name (<c>Train</c>).</param>
/// <param name="Status">How it ended.</param>
/// <param name="Reason">Why it ran or was skipped, or the first line of its failure (for people, not for decisions).</param>
public sealed record TargetRunResult(string Name, TargetStatus Status, string Reason)
{
    /// <summary>Why it failed (<see cref="FailureKind.None"/> unless <see cref="Status"/> is <see cref="TargetStatus.Failed"/>).</summary>
    public FailureKind Failure { get; init; }

    /// <summary>True when the target failed with <paramref name="kind"/>.</summary>
    public bool FailedWith(FailureKind kind) => Status == TargetStatus.Failed && Failure == kind;
}
