namespace Pipeline.Monitoring.Reports;

/// <summary>Sequential detectors run over the labelled error stream in time order.</summary>
/// <param name="PageHinkleyAlarms">Page-Hinkley alarms.</param>
/// <param name="DdmAlarms">DDM drift detections.</param>
/// <param name="DdmWarnings">Labelled predictions that left DDM at its warning level.</param>
/// <param name="FirstAlarmAt">Time of the first alarm of either detector.</param>
public sealed record DetectorSummary(int PageHinkleyAlarms, int DdmAlarms, int DdmWarnings, DateTimeOffset? FirstAlarmAt)
{
    /// <summary>No detector ran (too few labels).</summary>
    public static DetectorSummary NotRun { get; } = new(0, 0, 0, null);

    /// <summary>True when either detector raised an alarm.</summary>
    public bool Alarm => PageHinkleyAlarms + DdmAlarms > 0;
}
