namespace Pipeline.Engine.Execution;

/// <summary>The spellings used in run.json, the summary table and commit messages.</summary>
public static class TargetStatusText
{
    /// <summary>The status word: <c>executed</c>, <c>skipped</c>, <c>restored</c>, <c>failed</c>, <c>not-run</c>.</summary>
    public static string Of(TargetStatus status) => status switch
    {
        TargetStatus.Executed => "executed",
        TargetStatus.Skipped => "skipped",
        TargetStatus.Restored => "restored",
        TargetStatus.Failed => "failed",
        _ => "not-run",
    };

    /// <summary>The summary table's word: "up to date" reads better than "skipped" for an unchanged target.</summary>
    internal static string ForTable(TargetResult r) => r.Status switch
    {
        TargetStatus.Skipped when r.Reason == UpToDate.Reason => "up to date",
        TargetStatus.NotRun => "not run",
        _ => Of(r.Status),
    };
}
