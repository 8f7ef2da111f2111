using System.Text;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// reports/monitoring-history.jsonl: one line per Monitor run, each the run's reports/monitoring.json on one line (same
/// keys, same order), so drift, performance and the host's figures can be followed over runs while monitoring.json
/// holds the latest run only. Lines are only appended, each in one write.
/// </summary>
public static class MonitoringHistory
{
    /// <summary>The file's name beside monitoring.json.</summary>
    public const string FileName = "monitoring-history.jsonl";

    /// <summary>Appends <paramref name="report"/> as one line to <paramref name="path"/> (created, with its folder, if missing).</summary>
    public static void Append(MonitoringReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var line = Line(report);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        // NOTE: a line cut short by a crash is ended first, so it cannot run into this one (the reader skips it).
        var separator = stream.Length > 0 && LastByte(stream) != '\n' ? "\n" : "";
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(separator + line + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The report as one line of JSON (no newline): monitoring.json without its indentation.</summary>
    internal static string Line(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return MonitoringReportJson.Write(report, compact: true);
    }

    private static int LastByte(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte();
    }
}
