using Pipeline.Monitoring.Reports;

namespace Pipeline.Ui.Monitoring;

/// <summary>
/// The runs the Monitoring page charts: every line of reports/monitoring-history.jsonl (Monitor appends one per run),
/// oldest first; before the first history line, the latest reports/monitoring.json alone. A line that is not a report
/// is skipped and counted, never an error of the page.
/// </summary>
internal static class MonitoringHistoryFile
{
    /// <summary>The history's path relative to the root.</summary>
    public const string RelativePath = "reports/" + MonitoringHistory.FileName;

    /// <summary>The runs, and a note on what was skipped or missing (null when everything was read).</summary>
    public static (IReadOnlyList<MonitoringRun> Runs, string? Note) Read(string root)
    {
        var path = Path.Combine(root, "reports", MonitoringHistory.FileName);
        try
        {
            if (!File.Exists(path)) return Latest(root);
            var (runs, skipped) = JsonLinesFile.Read(path, MonitoringRun.Parse);
            return (runs, skipped > 0 ? $"{skipped} line(s) of {RelativePath} are not monitoring reports and were skipped (a run cut short?)." : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"{RelativePath} cannot be read: {e.Message}");
        }
    }

    private static (IReadOnlyList<MonitoringRun>, string?) Latest(string root)
    {
        var path = Path.Combine(root, "reports", "monitoring.json");
        var note = $"No {RelativePath} yet (./build.sh Monitor appends a line per run): the charts show the latest report only.";
        return File.Exists(path) && JsonLinesFile.TryParse(File.ReadAllText(path), MonitoringRun.Parse, out var run) ? ([run], note) : ([], note);
    }
}
