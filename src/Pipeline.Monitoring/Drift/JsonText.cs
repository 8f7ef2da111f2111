using System.Text;
using System.Text.Json;

namespace Pipeline.Monitoring.Drift;

/// <summary>The JSON layout every monitoring file uses: 2-space indent, '\n' line ends, a final newline, no NaN.</summary>
internal static class JsonText
{
    /// <summary>Runs <paramref name="write"/> on an indented writer and returns the text with a final newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", IndentSize = 2 }))
            write(json);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A number, or null when absent or not finite (JSON has no NaN or Infinity).</summary>
    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
