using System.Text;

namespace Pipeline.Monitoring.Csv;

/// <summary>
/// Minimal RFC 4180 record reader: comma separated, double-quoted fields may hold commas, quotes ("") and
/// line breaks; records end in CRLF or LF. A small copy kept here so monitoring does not depend on Pipeline.Ml.
/// </summary>
internal static class CsvRecordReader
{
    /// <summary>Reads all records; a trailing line break does not make an empty record.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool inQuotes = false, fieldStarted = false, any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch != '"') field.Append(ch);
                else if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else inQuotes = false;
                continue;
            }

            switch (ch)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    yield return fields.ToArray();
                    fields.Clear();
                    field.Clear();
                    (fieldStarted, any) = (false, false);
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes) throw new FormatException("The CSV ends inside a quoted field (a closing '\"' is missing).");
        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
