namespace Pipeline.Engine.Execution;

/// <summary>How a planned target ended.</summary>
internal enum TargetStatus
{
    Executed,
    Skipped,
    Restored,
    Failed,
    NotRun,
}

/// <summary>The spellings used in run.json and the summary table.</summary>
internal static class TargetStatusText
{
    public static string Of(TargetStatus status) => status switch
    {
        TargetStatus.Executed => "executed",
        TargetStatus.Skipped => "skipped",
        TargetStatus.Restored => "restored",
        TargetStatus.Failed => "failed",
        _ => "not-run",
    };

    /// <summary>The summary table's word: "up to date" reads better than "skipped" for an unchanged target.</summary>
    public static string ForTable(TargetResult r) => r.Status switch
    {
        TargetStatus.Skipped when r.Reason == UpToDate.Reason => "up to date",
        TargetStatus.NotRun => "not run",
        _ => Of(r.Status),
    };
}
