using System.Text;
using System.Text.Json;
using Pipeline.Formats.IO;

namespace Pipeline.Formats.Json;

/// <summary>
/// The one JSON layout of every file the pipeline writes (metrics.json, model.json, drift.json, monitoring.json, …):
/// UTF-8 without BOM, two-space indentation, '\n' line ends and a final '\n', keys in the order written, no NaN, so
/// the same content gives the same bytes.
/// </summary>
public static class JsonLayout
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", IndentSize = 2 };
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false };

    /// <summary>The bytes of the document <paramref name="write"/> produces.</summary>
    public static byte[] Bytes(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The document <paramref name="write"/> produces, as text.</summary>
    public static string Text(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Bytes(write));

    /// <summary>
    /// The document <paramref name="write"/> produces on one line without a final newline, for a JSON-lines file: the
    /// same keys, order and values as <see cref="Text"/>, without the indentation.
    /// </summary>
    public static string Line(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the document <paramref name="write"/> produces to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Action<Utf8JsonWriter> write) => AtomicFile.WriteAllBytes(path, Bytes(write));

    /// <summary>A number as given, or null when absent or not finite (JSON has no NaN or Infinity).</summary>
    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
