namespace Pipeline.Engine.Execution;

/// <summary>One row of the end-of-run summary and of <c>.nuke/temp/run.json</c>.</summary>
internal sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string Reason)
{
    /// <summary>Notes a target added with <see cref="ITargetContext.Summary"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Notes { get; init; } = [];

    /// <summary>Where the target's code ran when an executor other than the local one ran it.</summary>
    public Placement Placement { get; init; } = Placement.InProcess;

    /// <summary>Why it failed; <see cref="FailureKind.None"/> unless it failed.</summary>
    public FailureKind Failure { get; init; }

    /// <summary>The public view given to <see cref="PipelineBuild.OnRunFinished"/>.</summary>
    public TargetRunResult ToRunResult() => new(Name, Status, Reason) { Failure = Failure };
}
