using System.Text;
using System.Text.Json;

namespace Pipeline.Formats.Json;

/// <summary>
/// The one way a history file of JSON lines is written (reports/monitoring-history.jsonl, reports/retrain-history.jsonl):
/// each run appends its JSON document as one line (same keys, same order, no indentation), in one write, so the
/// history keeps every run while the document beside it holds the latest only.
/// </summary>
public static class JsonLines
{
    /// <summary>Appends <paramref name="json"/> as one line to <paramref name="path"/> (created, with its folder, if missing).</summary>
    public static void Append(string path, string json) => AppendLine(path, Line(json));

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

    /// <summary>A JSON document as one line (no newline): the same keys and values without indentation.</summary>
    public static string Line(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static int LastByte(FileStream stream)
    {
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte();
    }
}
