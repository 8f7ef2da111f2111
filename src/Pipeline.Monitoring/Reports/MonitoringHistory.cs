using Pipeline.Formats.Json;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// reports/monitoring-history.jsonl: one line per Monitor run, each the run's reports/monitoring.json on one line (same
/// keys, same order), so drift, performance and the host's figures can be followed over runs while monitoring.json
/// holds the latest run only. Lines are only appended, each in one write (<see cref="JsonLines"/>).
/// </summary>
public static class MonitoringHistory
{
    /// <summary>The file's name beside monitoring.json.</summary>
    public const string FileName = "monitoring-history.jsonl";

    /// <summary>Appends <paramref name="report"/> as one line to <paramref name="path"/> (created, with its folder, if missing).</summary>
    public static void Append(MonitoringReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonLines.AppendLine(path, Line(report));
    }

    /// <summary>The report as one line of JSON (no newline): monitoring.json without its indentation.</summary>
    internal static string Line(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return MonitoringReportJson.Write(report, compact: true);
    }
}
