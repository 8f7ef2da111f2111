using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Formats.Csv;

/// <summary>
/// Rows of a CSV held as characters: one growing character buffer and each field's end, so a pass over millions of
/// fields makes no string per field. <see cref="CsvSnapshotReader.ReadRow(CsvRows)"/> appends a row,
/// <see cref="CsvSnapshotWriter.WriteRow(CsvRows, int)"/> writes one back; as in the reader's string rows, an empty
/// field is a missing value.
/// </summary>
// NOTE: each field is followed by one separator character (the reader's delimiter), so a row read without quotes is
// its line as it was in the file and the writer can copy it whole.
public sealed class CsvRows
{
    private char[] _chars = new char[1 << 12];
    private int _length;
    private int[] _ends = new int[64];
    private int _fields;
    private int[] _rowStarts = new int[16];
    private bool[] _quoted = new bool[16];

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    /// <summary>The separator written after each field (the delimiter of the file read).</summary>
    internal char Separator { get; set; } = ',';

    /// <summary>The fields of row <paramref name="row"/>.</summary>
    public int FieldCount(int row) => _rowStarts[row + 1] - _rowStarts[row];

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/> (empty when missing); valid until the rows change.</summary>
    public ReadOnlySpan<char> Field(int row, int column)
    {
        var field = _rowStarts[row] + column;
        var start = Start(field);
        return _chars.AsSpan(start, _ends[field] - start);
    }

    /// <summary>
    /// Row <paramref name="row"/>'s fields joined by one separator character each: field c starts one character after the
    /// end of field c − 1 (<see cref="Field"/>'s lengths give the ends; a quoted field may itself hold the separator).
    /// </summary>
    public ReadOnlySpan<char> Joined(int row) => Line(row, out _);

    /// <summary>Field <paramref name="column"/> of row <paramref name="row"/> as a string, null when empty.</summary>
    internal string? FieldString(int row, int column) => Field(row, column) is { IsEmpty: false } field ? new string(field) : null;

    /// <summary>Row <paramref name="row"/> as the reader's string row (null for an empty field).</summary>
    internal string?[] ToArray(int row)
    {
        var fields = new string?[FieldCount(row)];
        for (var i = 0; i < fields.Length; i++) fields[i] = FieldString(row, i);
        return fields;
    }

    /// <summary>
    /// Row <paramref name="row"/>'s fields joined by <see cref="Separator"/>; when <paramref name="quoted"/> is false (no field
    /// was quoted in the file) this is the row's line as read, but for a dropped '\r' at its end.
    /// </summary>
    internal ReadOnlySpan<char> Line(int row, out bool quoted)
    {
        quoted = _quoted[row];
        var first = _rowStarts[row];
        var last = _rowStarts[row + 1] - 1;
        var start = Start(first);
        return _chars.AsSpan(start, _ends[last] - start);
    }

    /// <summary>Appends a row of strings (null or empty: a missing value).</summary>
    internal void Add(IReadOnlyList<string?> fields)
    {
        MarkQuoted();
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
        _quoted[0] = false;
    }

    /// <summary>Removes the last row.</summary>
    public void RemoveLast()
    {
        Count--;
        _fields = _rowStarts[Count];
        _length = Start(_fields);
        _quoted[Count] = false;
    }

    /// <summary>Appends characters to the field being read.</summary>
    internal void Append(ReadOnlySpan<char> part)
    {
        Reserve(part.Length);
        part.CopyTo(_chars.AsSpan(_length));
        _length += part.Length;
    }

    /// <summary>Appends one character to the field being read.</summary>
    internal void Append(char c) => Append([c]);

    /// <summary>Marks the row being read as holding a quoted field (so it is not copied as a line).</summary>
    internal void MarkQuoted() => _quoted[Count] = true;

    /// <summary>Drops a '\r' that ends the field being read (of a "\r\n" line end).</summary>
    internal void DropTrailingReturn()
    {
        if (_length > Start(_fields) && _chars[_length - 1] == '\r') _length--;
    }

    /// <summary>Ends the field being read.</summary>
    internal void EndField()
    {
        Reserve(1);
        if (_fields == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
        _ends[_fields++] = _length;
        _chars[_length++] = Separator;
    }

    /// <summary>
    /// Appends a whole unquoted line (without its '\n') as a row: its fields are cut at <see cref="Separator"/> and a '\r'
    /// at its end is dropped, as field-by-field reading does.
    /// </summary>
    internal void AppendLine(ReadOnlySpan<char> line)
    {
        Reserve(line.Length + 1);
        var at = _length;
        var copy = _chars.AsSpan(at, line.Length);
        line.CopyTo(copy);
        MarkSeparators(copy, at);
        _length = at + line.Length;
        DropTrailingReturn();
        EndField();
        EndRow();
    }

    /// <summary>Ends a field at each separator of <paramref name="line"/>, which starts at <paramref name="at"/> in the buffer.</summary>
    // NOTE: 16 characters are compared at a time and each match taken from the bit mask, instead of a search call per
    // field (a wide table's fields are a few characters long).
    private void MarkSeparators(ReadOnlySpan<char> line, int at)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var target = Vector256.Create((ushort)Separator);
            ref var start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(line));
            for (; i <= line.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), target).ExtractMostSignificantBits();
                if (mask == 0) continue;
                if (_fields + Vector256<ushort>.Count > _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
                for (; mask != 0; mask &= mask - 1) _ends[_fields++] = at + i + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; i < line.Length; i++)
        {
            if (line[i] != Separator) continue;
            if (_fields == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
            _ends[_fields++] = at + i;
        }
    }

    /// <summary>Ends the row being read.</summary>
    internal void EndRow()
    {
        if (Count + 2 > _rowStarts.Length)
        {
            Array.Resize(ref _rowStarts, _rowStarts.Length * 2);
            Array.Resize(ref _quoted, _rowStarts.Length);
        }
        Count++;
        _rowStarts[Count] = _fields;
        _quoted[Count] = false;
    }

    private int Start(int field) => field == 0 ? 0 : _ends[field - 1] + 1;

    private void Reserve(int more)
    {
        if (_length + more > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + more));
    }
}
