using Pipeline.Formats.IO;

namespace Pipeline.Monitoring.Reports;

/// <summary>Writes the JSON and HTML reports atomically (temp file beside the target, then rename).</summary>
public static class MonitoringReportFile
{
    /// <summary>Writes reports/monitoring.json (and the HTML page when <paramref name="htmlPath"/> is given).</summary>
    public static void Write(MonitoringReport report, string jsonPath, string? htmlPath = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(jsonPath, report.ToJson());
        if (htmlPath is not null) AtomicFile.WriteAllText(htmlPath, report.ToHtml());
    }
}
