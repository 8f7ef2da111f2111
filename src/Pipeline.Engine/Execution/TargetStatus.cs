namespace Pipeline.Engine.Execution;

/// <summary>How a planned target ended.</summary>
public enum TargetStatus
{
    /// <summary>Its actions ran and its outputs were committed.</summary>
    Executed,

    /// <summary>Up to date, excluded by --skip, or its condition did not hold.</summary>
    Skipped,

    /// <summary>Its outputs were restored from the cache or the run-cache instead of running it.</summary>
    Restored,

    /// <summary>It ran (or tried to) and failed; <see cref="TargetRunResult.Failure"/> says how.</summary>
    Failed,

    /// <summary>It was planned but not reached (a target it depends on failed).</summary>
    NotRun,
}
