namespace Pipeline.Engine.Failures;

/// <summary>
/// Which failures of a target are the user's to fix, so they are shown as their message alone (the stack trace only
/// with --verbose): every <see cref="PipelineException"/>, including the <see cref="InputException"/>s that stage
/// libraries derive their data errors from (a malformed CSV, a failed ingest or validation), and
/// <see cref="InvalidDataException"/>, the .NET type for "this data is invalid" that the stages throw with a message
/// naming the file or column and the fix (too few rows, a label column that is not there). Anything else is an
/// internal error and keeps its stack trace.
/// </summary>
internal static class InputErrors
{
    /// <summary>True when <paramref name="e"/> carries a message written for people rather than a bug's trace.</summary>
    public static bool Is(Exception e) => e is PipelineException or InvalidDataException;
}
