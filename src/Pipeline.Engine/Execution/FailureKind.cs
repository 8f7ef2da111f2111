namespace Pipeline.Engine.Execution;

/// <summary>Why a target failed, so a build decides on a type rather than on message text.</summary>
public enum FailureKind
{
    /// <summary>The target did not fail.</summary>
    None,

    /// <summary>A check the target makes did not pass (<see cref="Failures.CheckFailedException"/>: a gate, a verdict).</summary>
    CheckFailed,

    /// <summary>Its input, a setting or the definition is wrong (every other <see cref="Failures.PipelineException"/>, <see cref="InvalidDataException"/>).</summary>
    Input,

    /// <summary>Its outputs could not be checked, saved or restored (a missing output, a full disk, a corrupt cache entry).</summary>
    Outputs,

    /// <summary>Its code ran elsewhere (a cluster job) and failed there (<see cref="Failures.TargetJobException"/>).</summary>
    Job,

    /// <summary>The run was cancelled while it ran.</summary>
    Cancelled,

    /// <summary>Its code threw something else: a bug, shown with its stack trace.</summary>
    Internal,
}
