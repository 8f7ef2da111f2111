using System.Text;

namespace Pipeline.Monitoring.Reports;

/// <summary>Writes the JSON and HTML reports atomically (temp file beside the target, then rename).</summary>
public static class MonitoringReportFile
{
    /// <summary>Writes reports/monitoring.json (and the HTML page when <paramref name="htmlPath"/> is given).</summary>
    public static void Write(MonitoringReport report, string jsonPath, string? htmlPath = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        WriteText(jsonPath, report.ToJson());
        if (htmlPath is not null) WriteText(htmlPath, report.ToHtml());
    }

    private static void WriteText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, full, overwrite: true);
    }
}
