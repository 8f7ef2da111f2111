using System.Text.Json;

namespace Pipeline.Ui.Monitoring;

/// <summary>
/// Reads a history of JSON lines (Pipeline.Formats' <c>JsonLines</c> writes them: reports/monitoring-history.jsonl,
/// reports/retrain-history.jsonl), oldest first. A line that does not parse is skipped and counted (a run cut short),
/// never an error of the page.
/// </summary>
internal static class JsonLinesFile
{
    /// <summary>
    /// The lines <paramref name="parse"/> accepts (it throws <see cref="JsonException"/>, <see cref="KeyNotFoundException"/>,
    /// <see cref="InvalidOperationException"/> or <see cref="FormatException"/> for one it does not) and how many it did not.
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the file cannot be read.
    /// </summary>
    public static (List<T> Items, int Skipped) Read<T>(string path, Func<JsonElement, T> parse)
    {
        var items = new List<T>();
        var skipped = 0;
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            if (TryParse(line, parse, out var item)) items.Add(item);
            else skipped++;
        }

        return (items, skipped);
    }

    /// <summary>One JSON document through <paramref name="parse"/>, or false when it is not one.</summary>
    public static bool TryParse<T>(string json, Func<JsonElement, T> parse, out T item)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            item = parse(document.RootElement);
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            item = default!;
            return false;
        }
    }
}
