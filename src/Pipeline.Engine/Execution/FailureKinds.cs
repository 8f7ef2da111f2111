using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Execution;

/// <summary>Which <see cref="FailureKind"/> an exception thrown by a target's actions is.</summary>
internal static class FailureKinds
{
    public static FailureKind Of(Exception e) => e switch
    {
        OperationCanceledException => FailureKind.Cancelled,
        CheckFailedException => FailureKind.CheckFailed,
        TargetJobException => FailureKind.Job,
        TargetCheckException => FailureKind.Outputs,
        _ when InputErrors.Is(e) => FailureKind.Input,
        _ => FailureKind.Internal,
    };
}
