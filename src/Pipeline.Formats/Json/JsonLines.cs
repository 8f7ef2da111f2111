using System.Text;

namespace Pipeline.Formats.Json;

/// <summary>
/// The one way a history file of JSON lines is written (reports/monitoring-history.jsonl, reports/retrain-history.jsonl):
/// each run appends its JSON document as one line (same keys, same order, no indentation: <see cref="JsonLayout.Line"/>),
/// in one write, so the history keeps every run while the document beside it holds the latest only.
/// </summary>
public static class JsonLines
{
    /// <summary>Appends <paramref name="line"/>, already one line of JSON (no newline), to <paramref name="path"/>.</summary>
    public static void AppendLine(string path, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        // NOTE: a line cut short by a crash is ended first, so it cannot run into this one (a reader skips it).
        var separator = stream.Length > 0 && LastByte(stream) != '\n' ? "\n" : "";
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(separator + line + "\n"));
        stream.Flush(flushToDisk: true);
    }

    private static int LastByte(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte();
    }
}
