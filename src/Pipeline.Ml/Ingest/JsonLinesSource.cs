using System.Text.Json;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// A JSON Lines file: each non-blank line is one JSON object; its top-level scalar fields (string, number, boolean,
/// null) become columns, the union of keys in first-seen order (a first pass collects them, a second streams rows).
/// Nested objects and arrays are skipped. Numbers keep their JSON text.
/// </summary>
internal sealed class JsonLinesSource(string path, string? description = null) : IIngestSource
{
    // NOTE: invalid UTF-8 is read as U+FFFD, as by any reader; counting it lets Ingest say so instead of changing text silently.
    private readonly CountingReplacementFallback _invalidUtf8 = new();

    /// <inheritdoc />
    public string Description { get; } = description ?? $"jsonl file {path}";

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken)
    {
        FileSources.RequireFile(path, Description);
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, document) in Objects())
        {
            using (document)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (IsScalar(property.Value.ValueKind) && index.TryAdd(property.Name, columns.Count)) columns.Add(property.Name);
                }
            }
        }
        return new SourceRows(columns, Rows(index, columns.Count), invalidUtf8: () => _invalidUtf8.Count);
    }

    private IEnumerable<string?[]> Rows(Dictionary<string, int> index, int width)
    {
        foreach (var (_, document) in Objects())
        {
            using (document)
            {
                var row = new string?[width];
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (IsScalar(property.Value.ValueKind) && index.TryGetValue(property.Name, out var i)) row[i] = Text(property.Value);
                }
                yield return row;
            }
        }
    }

    private IEnumerable<(long Line, JsonDocument Document)> Objects()
    {
        using var reader = new StreamReader(path, _invalidUtf8.Utf8());
        long number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not valid JSON ({e.Message}).");
            }
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidDataException($"{path}:{number}: expected a JSON object per line.");
            }
            yield return (number, document);
        }
    }

    private static bool IsScalar(JsonValueKind kind) => kind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => SnapshotValue.Format(value.GetString()),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
