using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest.Streaming.Logs;

/// <summary>
/// How a log line becomes fields: a JSON object (top-level scalar fields; nested values skipped, as for jsonl files)
/// or a delimited line whose names come from the file's first line. A line that does not parse gives a reason.
/// </summary>
internal sealed class LogLineFormat(char? delimiter)
{
    /// <summary>True for delimited lines, whose first line of each file is the header.</summary>
    public bool HasHeader => delimiter is not null;

    /// <summary>The format for a glob: <c>.csv</c> → comma, <c>.tsv</c> → tab, anything else JSON Lines.</summary>
    public static LogLineFormat For(string glob, char? configured)
    {
        if (glob.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return new LogLineFormat(configured ?? ',');
        if (glob.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) return new LogLineFormat(configured ?? '\t');
        return new LogLineFormat(null);
    }

    /// <summary>The header of a delimited file from its first line.</summary>
    public IReadOnlyList<string> Header(string line) => Split(line) ?? [];

    /// <summary>The fields of <paramref name="line"/>, or the reason it cannot be read.</summary>
    public (IReadOnlyList<KeyValuePair<string, string?>>? Fields, string? Reason) Parse(string line, IReadOnlyList<string> header) =>
        delimiter is null ? Json(line) : Delimited(line, header);

    private static (IReadOnlyList<KeyValuePair<string, string?>>?, string?) Json(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "expected a JSON object per line");
            var fields = new List<KeyValuePair<string, string?>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) continue;
                fields.Add(KeyValuePair.Create(property.Name, value.ValueKind switch
                {
                    JsonValueKind.String => SnapshotValue.Format(value.GetString()),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                }));
            }
            return (fields, null);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message})");
        }
    }

    private (IReadOnlyList<KeyValuePair<string, string?>>?, string?) Delimited(string line, IReadOnlyList<string> header)
    {
        var values = Split(line);
        if (values is null) return (null, "an unterminated quoted field");
        if (values.Count != header.Count) return (null, $"expected {header.Count} fields (as in the file's header) but found {values.Count}");
        return (header.Select((name, i) => KeyValuePair.Create(name, values[i].Length == 0 ? null : values[i])).ToList(), null);
    }

    /// <summary>RFC 4180 fields of one line (quoted fields may hold delimiters and doubled quotes); null if a quote is open.</summary>
    private List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }
}
