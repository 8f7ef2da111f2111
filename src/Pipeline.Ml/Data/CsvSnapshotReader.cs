using System.Text;

namespace Pipeline.Ml.Data;

/// <summary>
/// Streams a snapshot (or any RFC 4180 CSV/TSV file): the header, then one <c>string?[]</c> per row with null for an
/// empty field. Quoted fields may hold delimiters, doubled quotes and line breaks; '\n' and "\r\n" both end a record.
/// A row with the wrong field count (unless read with <see cref="ReadRawRow"/>) or an unterminated quote throws
/// <see cref="SnapshotFormatException"/> (file:line).
/// Blank lines are skipped when the header has more than one column. Invalid UTF-8 is read as U+FFFD and counted
/// (<see cref="InvalidUtf8Sequences"/>).
/// </summary>
public sealed class CsvSnapshotReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly StringBuilder _field = new();
    private readonly List<string?> _record = [];
    private readonly CountingReplacementFallback _invalidUtf8 = new();
    private long _line = 1;

    /// <summary>Opens <paramref name="path"/> and reads its header row.</summary>
    public CsvSnapshotReader(string path, char delimiter = ',')
    {
        Path = path;
        _delimiter = delimiter;
        _reader = new StreamReader(path, _invalidUtf8.Utf8(), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var header = ReadRecord(out _) ?? throw new SnapshotFormatException(path, 1, "the file is empty; expected a header row.");
        Header = header.Select((name, i) => name ?? throw new SnapshotFormatException(path, 1, $"header column {i + 1} has no name.")).ToArray();
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>Column names from the header row, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Invalid UTF-8 byte sequences decoded so far, each read as U+FFFD (as every UTF-8 decoder does); callers that copy
    /// the data warn about them. Decoding runs a buffer ahead of the returned rows: read to the end for the file's count.
    /// </summary>
    public long InvalidUtf8Sequences => _invalidUtf8.Count;

    /// <summary>The 1-based line where the last returned row started.</summary>
    public long RowLine { get; private set; }

    /// <summary>The next row, or null at the end of the file; a wrong field count throws.</summary>
    public string?[]? ReadRow()
    {
        var row = ReadRawRow();
        if (row is not null && row.Length != Header.Count)
            throw new SnapshotFormatException(Path, RowLine, $"expected {Header.Count} fields (as in the header) but found {row.Length}.");
        return row;
    }

    /// <summary>
    /// The next row as written, whatever its field count, or null at the end of the file: for callers that keep a
    /// malformed row (Validate quarantines it) instead of failing. Quoting errors still throw.
    /// </summary>
    public string?[]? ReadRawRow()
    {
        while (true)
        {
            var row = ReadRecord(out var blank);
            if (row is null || !(blank && Header.Count > 1)) return row;
        }
    }

    /// <summary>Every remaining row, streamed.</summary>
    public IEnumerable<string?[]> ReadRows()
    {
        while (ReadRow() is { } row) yield return row;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _reader.Dispose();

    private string?[]? ReadRecord(out bool blank)
    {
        _record.Clear();
        _field.Clear();
        blank = false;
        RowLine = _line;
        var c = _reader.Read();
        if (c < 0) return null;
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c < 0) throw new SnapshotFormatException(Path, RowLine, "a quoted field is not terminated before the end of the file.");
                if (c == '"')
                {
                    if (_reader.Peek() == '"') { _reader.Read(); _field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') _line++;
                    _field.Append((char)c);
                }
            }
            else if (c < 0 || c == '\n')
            {
                if (c == '\n') _line++;
                EndField(wasQuoted, trimCarriageReturn: true);
                blank = _record.Count == 1 && _record[0] is null && !wasQuoted;
                return _record.ToArray();
            }
            else if (c == _delimiter)
            {
                EndField(wasQuoted, trimCarriageReturn: false);
                wasQuoted = false;
            }
            else if (c == '"' && _field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (wasQuoted)
            {
                // NOTE: only a '\r' (of a "\r\n" line end) may follow a closing quote before the delimiter.
                if (c != '\r') throw new SnapshotFormatException(Path, _line, $"unexpected character '{(char)c}' after a closing quote.");
            }
            else
            {
                _field.Append((char)c);
            }
            c = _reader.Read();
        }
    }

    private void EndField(bool wasQuoted, bool trimCarriageReturn)
    {
        if (trimCarriageReturn && !wasQuoted && _field.Length > 0 && _field[^1] == '\r') _field.Length--;
        _record.Add(_field.Length == 0 ? null : _field.ToString());
        _field.Clear();
    }
}
