using System.Text;
using System.Text.Json;
using Pipeline.Formats.IO;

namespace Pipeline.Ml.Data;

/// <summary>
/// The one JSON layout of every output (metrics.json, model.json, validation.json, lineage.json): UTF-8 without BOM,
/// two-space indentation, '\n' line ends and a final '\n', keys in the order written, so the same content gives the
/// same bytes.
/// </summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Layout = new() { Indented = true, NewLine = "\n" };

    /// <summary>The bytes of the document <paramref name="write"/> produces.</summary>
    public static byte[] Bytes(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Layout))
        {
            write(json);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The document <paramref name="write"/> produces, as text.</summary>
    public static string Text(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(Bytes(write));

    /// <summary>Writes the document <paramref name="write"/> produces to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Action<Utf8JsonWriter> write) => AtomicFile.WriteAllBytes(path, Bytes(write));

    /// <summary>Writes a metric-like number rounded by <see cref="RoundedNumber.Value"/>; NaN and infinities as null.</summary>
    public static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, RoundedNumber.Value(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
