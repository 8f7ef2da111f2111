using System.Text;
using Pipeline.Formats.Columns;

namespace Pipeline.Formats.Csv;

/// <summary>
/// Reads chosen numeric columns of a snapshot straight from its UTF-8 bytes, in byte ranges that start at line starts,
/// so several threads can share one pass and no field becomes a string. It covers the files
/// <see cref="CsvSnapshotWriter"/> writes without quoting: a range that meets a quote or a carriage return (a quoted
/// field may span lines, so ranges cut at line ends would be wrong) or a row of the wrong width reports false, and the
/// caller reads the file with <see cref="CsvSnapshotReader"/> instead. Numbers are those of
/// <see cref="ColumnValue.TryNumber(ReadOnlySpan{char}, out double)"/>, so both ways give the same values.
/// </summary>
public static class CsvNumberRanges
{
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Up to <paramref name="count"/> + 1 offsets of <paramref name="path"/>: the first row's start (after the header),
    /// then line starts near equal shares, then the file's length; consecutive offsets bound one range.
    /// </summary>
    public static IReadOnlyList<long> Split(string path, int count)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var length = stream.Length;
        var offsets = new List<long> { LineEndAfter(stream, 0) };
        for (var k = 1; k < count; k++)
        {
            var at = LineEndAfter(stream, offsets[0] + (length - offsets[0]) * k / count);
            if (at > offsets[^1] && at < length) offsets.Add(at);
        }
        offsets.Add(Math.Max(length, offsets[0]));
        return offsets;
    }

    /// <summary>
    /// Reads the rows of [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="path"/> (rows of
    /// <paramref name="width"/> fields): for each, <paramref name="row"/>[k] is set to the number in field
    /// <paramref name="columns"/>[k] (ascending; NaN when empty or not a number) and <paramref name="onRow"/> is called.
    /// False (part of the range may have been handled) when the range holds a quote or a carriage return, or a row with
    /// another field count.
    /// </summary>
    public static bool Read(string path, long start, long end, int width, IReadOnlyList<int> columns, double[] row, Action<double[]> onRow, CancellationToken cancellation = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = start;
        var buffer = new byte[BufferSize];
        var filled = 0;
        var left = end - start;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = left == 0 ? 0 : stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, left));
            left -= read;
            filled += read;
            var data = buffer.AsSpan(0, filled);
            var consumed = 0;
            while (true)
            {
                var at = data[consumed..].IndexOf((byte)'\n');
                if (at < 0) break;
                if (!Row(data.Slice(consumed, at), width, columns, row)) return false;
                onRow(row);
                consumed += at + 1;
            }
            if (read == 0)
            {
                if (consumed < filled)
                {
                    if (!Row(data[consumed..], width, columns, row)) return false;
                    onRow(row);
                }
                return true;
            }
            data[consumed..].CopyTo(buffer);
            filled -= consumed;
        }
    }

    private static bool Row(ReadOnlySpan<byte> line, int width, IReadOnlyList<int> columns, double[] row)
    {
        if (line.IndexOfAny((byte)'"', (byte)'\r') >= 0) return false;
        if (line.IsEmpty && width > 1) return false;
        var field = 0;
        var k = 0;
        var rest = line;
        // NOTE: a wanted field is read as a plain decimal while it is scanned; when that stops at the comma (or the line's
        // end) the field is that number, else it is cut at its comma and parsed as any other.
        while (true)
        {
            int comma;
            if (k < columns.Count && columns[k] == field)
            {
                var end = ColumnValue.PlainDecimal(rest, out var number);
                comma = end < rest.Length && rest[end] != (byte)',' ? rest.IndexOf((byte)',') : end == rest.Length ? -1 : end;
                var value = comma < 0 ? rest : rest[..comma];
                row[k++] = value.Length == end && !double.IsNaN(number) ? number : Number(value);
            }
            else comma = rest.IndexOf((byte)',');
            field++;
            if (comma < 0) break;
            rest = rest[(comma + 1)..];
        }
        return field == width && k == columns.Count;
    }

    private static double Number(ReadOnlySpan<byte> field) =>
        !field.IsEmpty && ColumnValue.TryNumber(field, out var number) ? number : double.NaN;

    /// <summary>The offset just past the first line end at or after <paramref name="from"/> (the length when there is none).</summary>
    private static long LineEndAfter(FileStream stream, long from)
    {
        stream.Position = from;
        var buffer = new byte[1 << 16];
        for (var at = from; ;)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0) return at;
            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0) return at + newline + 1;
            at += read;
        }
    }
}
