using System.Globalization;

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

    /// <summary>
    /// When a detector alarmed: the share of seeded shuffles of the same outcomes in which one alarms too (a permutation
    /// p-value; the order of the outcomes is what a change point is about). Null when nothing alarmed.
    /// </summary>
    public double? PValue { get; init; }

    /// <summary>Alarms count when their <see cref="PValue"/> is below this.</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// True when either detector raised an alarm that shuffled orders rarely raise (DDM at 3 sigma alarms on about one
    /// stationary 1,000-outcome window in five at an 11 % error rate, and two in five at 3 %).
    /// </summary>
    public bool Alarm => PageHinkleyAlarms + DdmAlarms > 0 && PValue is not >= Alpha;

    /// <summary>
    /// The reason line: a counted alarm, an alarm that shuffled orders raise as often (not counted), or null when
    /// nothing alarmed.
    /// </summary>
    public string? Finding() => Alarm
        ? string.Create(CultureInfo.InvariantCulture,
            $"Detector alarm on the labelled error stream (Page-Hinkley: {PageHinkleyAlarms}, DDM: {DdmAlarms}), first at {FirstAlarmAt:O}; shuffled orders of the same outcomes alarm with p {PValue:0.###}.")
        : PValue is { } p
            ? string.Create(CultureInfo.InvariantCulture,
                $"Detector alarm on the labelled error stream not counted: shuffled orders of the same outcomes alarm as often (p {p:0.###}), so the order shows no change.")
            : null;
}
