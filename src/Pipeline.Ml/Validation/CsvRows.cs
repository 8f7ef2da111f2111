using System.Text;

namespace Pipeline.Ml.Validation;

/// <summary>
/// A minimal streaming CSV reader/writer for snapshots (RFC 4180 subset: quoted fields, doubled quotes, commas and
/// newlines inside quotes; an empty field is a missing value, read as <c>null</c>).
/// </summary>
// NOTE: kept small and isolated so the lead can swap it for the Data/ snapshot reader without touching callers.
internal static class CsvRows
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Streams the records of <paramref name="path"/> (the header is the first), with their 1-based line.</summary>
    public static IEnumerable<CsvRecord> Read(string path)
    {
        using var reader = new StreamReader(path, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
        var fields = new List<string?>();
        var field = new StringBuilder();
        long line = 1, recordLine = 1;
        bool inQuotes = false, quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !quoted:
                    inQuotes = quoted = true;
                    break;
                case ',':
                    fields.Add(Take(field, ref quoted));
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(Take(field, ref quoted));
                    yield return new CsvRecord(recordLine, [.. fields]);
                    fields.Clear();
                    any = false;
                    recordLine = ++line;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }
        if (inQuotes) throw new InvalidDataException($"{path}:{recordLine}: a quoted field is not closed before the end of the file. Close the quote or escape it as \"\".");
        if (any) { fields.Add(Take(field, ref quoted)); yield return new CsvRecord(recordLine, [.. fields]); }
    }

    /// <summary>Creates a writer that emits snapshot conventions (UTF-8 without BOM, '\n' line ends).</summary>
    public static StreamWriter CreateWriter(string path) =>
        new(path, append: false, Utf8NoBom) { NewLine = "\n" };

    /// <summary>Writes one record, quoting fields only when they contain a comma, quote or line break.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(',');
            var value = fields[i];
            if (string.IsNullOrEmpty(value)) continue;
            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) writer.Write(value);
            else writer.Write($"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
        writer.Write('\n');
    }

    private static string? Take(StringBuilder field, ref bool quoted)
    {
        var value = field.Length == 0 ? null : field.ToString();
        field.Clear();
        quoted = false;
        return value;
    }
}
