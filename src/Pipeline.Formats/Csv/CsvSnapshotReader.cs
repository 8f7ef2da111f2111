using System.Text;

namespace Pipeline.Formats.Csv;

/// <summary>
/// Streams a snapshot (or any RFC 4180 CSV/TSV file): the header, then one <c>string?[]</c> per row with null for an
/// empty field. Quoted fields may hold delimiters, doubled quotes and line breaks; '\n' and "\r\n" both end a record.
/// A row with the wrong field count (unless read with <see cref="ReadRawRow"/>) or an unterminated quote throws
/// <see cref="InvalidDataException"/> whose message starts with file:line (the engine shows it as bad input).
/// Blank lines are skipped when the header has more than one column. Invalid UTF-8 is read as U+FFFD and counted
/// (<see cref="InvalidUtf8Sequences"/>).
/// </summary>
public sealed class CsvSnapshotReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly CsvRows _record = new();
    private char[] _buffer = new char[1 << 16];
    private int _position;
    private int _end;
    private readonly CountingReplacementFallback _invalidUtf8 = new();
    private long _line = 1;

    /// <summary>Opens <paramref name="path"/> and reads its header row.</summary>
    public CsvSnapshotReader(string path, char delimiter = ',')
    {
        Path = path;
        _delimiter = delimiter;
        _reader = new StreamReader(path, _invalidUtf8.Utf8(), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        if (!ReadRecord(_record, out _)) throw Malformed(path, 1, "the file is empty; expected a header row.");
        Header = _record.ToArray(0).Select((name, i) => name ?? throw Malformed(path, 1, $"header column {i + 1} has no name.")).ToArray();
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
            throw Malformed(Path, RowLine, $"expected {Header.Count} fields (as in the header) but found {row.Length}.");
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
            _record.Clear();
            if (!ReadRecord(_record, out var blank)) return null;
            if (!(blank && Header.Count > 1)) return _record.ToArray(0);
        }
    }

    /// <summary>
    /// Appends the next row to <paramref name="rows"/> without making a string per field; false at the end of the file.
    /// A wrong field count throws, as <see cref="ReadRow()"/>.
    /// </summary>
    public bool ReadRow(CsvRows rows)
    {
        while (true)
        {
            if (!ReadRecord(rows, out var blank)) return false;
            if (blank && Header.Count > 1) { rows.RemoveLast(); continue; }
            if (rows.FieldCount(rows.Count - 1) == Header.Count) return true;
            var found = rows.FieldCount(rows.Count - 1);
            rows.RemoveLast();
            throw Malformed(Path, RowLine, $"expected {Header.Count} fields (as in the header) but found {found}.");
        }
    }

    /// <summary>Every remaining row, streamed.</summary>
    public IEnumerable<string?[]> ReadRows()
    {
        while (ReadRow() is { } row) yield return row;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _reader.Dispose();

    /// <summary>Appends the next record to <paramref name="rows"/>; false at the end of the file.</summary>
    private bool ReadRecord(CsvRows rows, out bool blank)
    {
        blank = false;
        RowLine = _line;
        if (Peek() < 0) return false;
        rows.Separator = _delimiter;
        if (ReadPlainLine(rows)) return Ended(rows, out blank);
        while (true)
        {
            if (Peek() == '"')
            {
                _position++;
                rows.MarkQuoted();
                ReadQuoted(rows);
                var end = AfterClosingQuote();
                rows.EndField();
                if (!end) continue;
                rows.EndRow();
                return true;
            }
            if (ReadUnquoted(rows)) return Ended(rows, out blank);
        }
    }

    /// <summary>True, with <paramref name="blank"/> when the row just read (unquoted) is one empty field.</summary>
    private static bool Ended(CsvRows rows, out bool blank)
    {
        var row = rows.Count - 1;
        blank = rows.FieldCount(row) == 1 && rows.Field(row, 0).IsEmpty;
        return true;
    }

    /// <summary>
    /// Reads a whole record at once when its line end is in the buffer and the line holds no quote (then every field is
    /// unquoted): one copy and a search for delimiters instead of a search per field. False (nothing read) otherwise.
    /// </summary>
    // NOTE: a line longer than what is left of the buffer (a wide table's rows are tens of kilobytes) is completed by
    // moving the rest to the buffer's start and reading more, growing the buffer up to MaxLine characters, so wide
    // rows take this path too.
    private bool ReadPlainLine(CsvRows rows)
    {
        var span = _buffer.AsSpan(_position, _end - _position);
        var newline = span.IndexOf('\n');
        while (newline < 0)
        {
            if (span.Contains('"') || !ReadMore()) return false;
            var searched = span.Length;
            span = _buffer.AsSpan(_position, _end - _position);
            newline = span[searched..].IndexOf('\n');
            if (newline >= 0) newline += searched;
        }
        if (span[..newline].Contains('"')) return false;
        rows.AppendLine(span[..newline]);
        _position += newline + 1;
        _line++;
        return true;
    }

    /// <summary>
    /// Reads an unquoted field up to the next delimiter or line end (a vectorised search of the buffer) and adds it;
    /// true when it ended the record. A '\r' before the line end (or the end of the file) is dropped.
    /// </summary>
    private bool ReadUnquoted(CsvRows rows)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_position, _end - _position);
            var at = span.IndexOfAny(_delimiter, '\n');
            if (at < 0)
            {
                rows.Append(span);
                _position = _end;
                if (Fill()) continue;
                EndUnquoted(rows, endOfRecord: true);
                return true;
            }
            var endOfRecord = span[at] == '\n';
            _position += at + 1;
            if (endOfRecord) _line++;
            rows.Append(span[..at]);
            EndUnquoted(rows, endOfRecord);
            return endOfRecord;
        }
    }

    private static void EndUnquoted(CsvRows rows, bool endOfRecord)
    {
        if (endOfRecord) rows.DropTrailingReturn();
        rows.EndField();
        if (endOfRecord) rows.EndRow();
    }

    /// <summary>Reads a quoted field's content after its opening quote, up to its closing quote ("" is one quote).</summary>
    private void ReadQuoted(CsvRows rows)
    {
        while (true)
        {
            if (Peek() < 0) throw Malformed(Path, RowLine, "a quoted field is not terminated before the end of the file.");
            var span = _buffer.AsSpan(_position, _end - _position);
            var at = span.IndexOf('"');
            var content = at < 0 ? span : span[..at];
            _line += content.Count('\n');
            rows.Append(content);
            if (at < 0) { _position = _end; continue; }
            _position += at + 1;
            if (Peek() != '"') return;
            rows.Append('"');
            _position++;
        }
    }

    /// <summary>
    /// Consumes what follows a closing quote: '\r's, then the delimiter (false) or the line end or end of file (true).
    /// </summary>
    private bool AfterClosingQuote()
    {
        while (true)
        {
            var c = Peek();
            if (c < 0) return true;
            _position++;
            if (c == '\n') { _line++; return true; }
            if (c == _delimiter) return false;
            // NOTE: only a '\r' (of a "\r\n" line end) may follow a closing quote before the delimiter.
            if (c != '\r') throw Malformed(Path, _line, $"unexpected character '{(char)c}' after a closing quote.");
        }
    }

    /// <summary>The next character without consuming it (refilling the buffer when it is used up), or -1 at the end.</summary>
    private int Peek() => _position < _end || Fill() ? _buffer[_position] : -1;

    /// <summary>Characters up to which the buffer grows to hold a whole line (4 Mi).</summary>
    private const int MaxLine = 1 << 22;

    /// <summary>
    /// Keeps the unconsumed characters (moved to the buffer's start, the buffer doubled when they fill it, up to
    /// <see cref="MaxLine"/>) and reads more after them; false when nothing more could be read.
    /// </summary>
    private bool ReadMore()
    {
        var kept = _end - _position;
        if (kept == _buffer.Length)
        {
            if (_buffer.Length >= MaxLine) return false;
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        _buffer.AsSpan(_position, kept).CopyTo(_buffer);
        _position = 0;
        _end = kept;
        var read = _reader.Read(_buffer, kept, _buffer.Length - kept);
        _end += read;
        return read > 0;
    }

    /// <summary>Reads the next block of characters; false at the end of the file. Callers have consumed the buffer.</summary>
    private bool Fill()
    {
        _position = 0;
        _end = _reader.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private static InvalidDataException Malformed(string path, long line, string problem) => new($"{path}:{line}: {problem}");
}
