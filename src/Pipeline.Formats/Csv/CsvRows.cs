namespace Pipeline.Formats.Csv;

/// <summary>
/// Rows of a CSV held as characters: one growing character buffer and each field's end, so a pass over millions of
/// fields makes no string per field. <see cref="CsvSnapshotReader.ReadRow(CsvRows)"/> appends a row,
/// <see cref="CsvSnapshotWriter.WriteRow(CsvRows, int)"/> writes one back; as in the reader's string rows, an empty
/// field is a missing value.
/// </summary>
public sealed class CsvRows
{
    private char[] _chars = new char[1 << 12];
    private int _length;
    private int[] _ends = new int[64];
    private int _fields;
    private int[] _rowStarts = new int[16];

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    /// <summary>The fields of row <paramref name="row"/>.</summary>
    public int FieldCount(int row) => _rowStarts[row + 1] - _rowStarts[row];

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/> (empty when missing); valid until the rows change.</summary>
    public ReadOnlySpan<char> Field(int row, int column)
    {
        var field = _rowStarts[row] + column;
        var start = field == 0 ? 0 : _ends[field - 1];
        return _chars.AsSpan(start, _ends[field] - start);
    }

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/> as a string, null when empty.</summary>
    internal string? FieldString(int row, int column) => Field(row, column) is { IsEmpty: false } field ? new string(field) : null;

    /// <summary>Row <paramref name="row"/> as the reader's string row (null for an empty field).</summary>
    internal string?[] ToArray(int row)
    {
        var fields = new string?[FieldCount(row)];
        for (var i = 0; i < fields.Length; i++) fields[i] = FieldString(row, i);
        return fields;
    }

    /// <summary>Appends a row of strings (null or empty: a missing value).</summary>
    internal void Add(IReadOnlyList<string?> fields)
    {
        foreach (var field in fields)
        {
            Append(field);
            EndField();
        }
        EndRow();
    }

    /// <summary>Removes every row (the buffers are kept).</summary>
    public void Clear()
    {
        _length = 0;
        _fields = 0;
        Count = 0;
    }

    /// <summary>Removes the last row.</summary>
    public void RemoveLast()
    {
        Count--;
        _fields = _rowStarts[Count];
        _length = _fields == 0 ? 0 : _ends[_fields - 1];
    }

    /// <summary>Appends characters to the field being read.</summary>
    internal void Append(ReadOnlySpan<char> part)
    {
        if (_length + part.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + part.Length));
        part.CopyTo(_chars.AsSpan(_length));
        _length += part.Length;
    }

    /// <summary>Appends one character to the field being read.</summary>
    internal void Append(char c) => Append([c]);

    /// <summary>Drops a '\r' that ends the field being read (of a "\r\n" line end).</summary>
    internal void DropTrailingReturn()
    {
        var start = _fields == 0 ? 0 : _ends[_fields - 1];
        if (_length > start && _chars[_length - 1] == '\r') _length--;
    }

    /// <summary>Ends the field being read.</summary>
    internal void EndField()
    {
        if (_fields == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
        _ends[_fields++] = _length;
    }

    /// <summary>Ends the row being read.</summary>
    internal void EndRow()
    {
        if (Count + 2 > _rowStarts.Length) Array.Resize(ref _rowStarts, _rowStarts.Length * 2);
        Count++;
        _rowStarts[Count] = _fields;
    }
}
