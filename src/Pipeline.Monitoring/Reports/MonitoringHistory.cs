using System.Text;
using System.Text.Json;

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
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        // NOTE: a line cut short by a crash is ended first, so it cannot run into this one (the reader skips it).
        var separator = stream.Position > 0 && LastByte(path) != (byte)'\n' ? "\n" : "";
        stream.Write(Encoding.UTF8.GetBytes(separator + line + "\n"));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The report as one line of JSON (no newline): monitoring.json without its indentation.</summary>
    internal static string Line(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = JsonDocument.Parse(report.ToJson());
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            document.WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static byte LastByte(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        read.Seek(-1, SeekOrigin.End);
        return (byte)read.ReadByte();
    }
}
