using System.Text;
using Pipeline.Formats.IO;

namespace Pipeline.Formats.Csv;

/// <summary>
/// Streams rows into a snapshot file (a CSV of the pipeline's data): header first, RFC 4180 quoting only when a field
/// needs it, null = empty field. Writes through an <see cref="AtomicFile"/>: the temporary sibling is renamed over the
/// target on <see cref="Complete"/>; disposing without completing deletes it, so a failure leaves no output.
/// </summary>
public sealed class CsvSnapshotWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _path;
    private readonly AtomicFile _file;
    private readonly char _delimiter;
    private readonly int _width;
    private StreamWriter? _writer;

    /// <summary>Starts a snapshot at <paramref name="path"/> with the given header; parent folders are created.</summary>
    public CsvSnapshotWriter(string path, IReadOnlyList<string> header, char delimiter = ',')
        : this(path, header, delimiter, prefix: null)
    {
    }

    private CsvSnapshotWriter(string path, IReadOnlyList<string> header, char delimiter, (string Path, long Bytes)? prefix)
    {
        if (header.Count == 0) throw new ArgumentException("A snapshot needs at least one column.", nameof(header));
        _file = new AtomicFile(path);
        _path = _file.TargetPath;
        _delimiter = delimiter;
        _width = header.Count;
        if (prefix is { } existing) CopyPrefix(existing.Path, existing.Bytes, _file.TempPath);
        _writer = new StreamWriter(_file.TempPath, append: prefix is not null, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        if (prefix is null) WriteFields(header);
    }

    /// <summary>
    /// Continues the snapshot whose first <paramref name="bytes"/> bytes (header and rows, written by this class) are in
    /// <paramref name="previous"/>: they are copied byte for byte, and rows written after them are appended.
    /// </summary>
    public static CsvSnapshotWriter Continuing(string path, IReadOnlyList<string> header, string previous, long bytes) =>
        new(path, header, ',', (previous, bytes));

    /// <summary>Rows written so far (header excluded).</summary>
    public long RowCount { get; private set; }

    /// <summary>Appends one row; it must have exactly one field per header column.</summary>
    public void WriteRow(IReadOnlyList<string?> fields)
    {
        if (fields.Count != _width)
            throw new ArgumentException($"Row {RowCount + 1} of {_path} has {fields.Count} fields; the header has {_width}.", nameof(fields));
        WriteFields(fields);
        RowCount++;
    }

    /// <summary>Appends row <paramref name="row"/> of <paramref name="rows"/>; it must have exactly one field per header column.</summary>
    public void WriteRow(CsvRows rows, int row)
    {
        var count = rows.FieldCount(row);
        if (count != _width)
            throw new ArgumentException($"Row {RowCount + 1} of {_path} has {count} fields; the header has {_width}.", nameof(rows));
        var writer = _writer ?? throw new InvalidOperationException($"Snapshot {_path} is already completed or disposed.");
        var line = rows.Line(row, out var quoted);
        // NOTE: a row read without quotes whose fields need none is written as its line (the same characters field by
        // field writing gives).
        if (!quoted && rows.Separator == _delimiter && line.IndexOfAny('"', '\r') < 0) writer.Write(line);
        else
        {
            for (var i = 0; i < count; i++)
            {
                if (i > 0) writer.Write(_delimiter);
                WriteField(writer, rows.Field(row, i));
            }
        }
        writer.Write('\n');
        RowCount++;
    }

    /// <summary>Flushes and atomically renames the temporary file to the target path.</summary>
    public void Complete()
    {
        var writer = _writer ?? throw new InvalidOperationException($"Snapshot {_path} is already completed or disposed.");
        writer.Flush();
        writer.Dispose();
        _writer = null;
        _file.Commit();
    }

    /// <summary>Releases the file; without a prior <see cref="Complete"/> the partial output is deleted.</summary>
    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
        _file.Dispose();
    }

    private static void CopyPrefix(string source, long bytes, string destination)
    {
        using var input = File.OpenRead(source);
        using var output = File.Create(destination);
        var buffer = new byte[1 << 16];
        for (long left = bytes; left > 0;)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new InvalidDataException($"{source} is shorter than the {bytes} bytes expected of it.");
            output.Write(buffer, 0, read);
            left -= read;
        }
    }

    private void WriteFields(IReadOnlyList<string?> fields)
    {
        var writer = _writer ?? throw new InvalidOperationException($"Snapshot {_path} is already completed or disposed.");
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(_delimiter);
            WriteField(writer, fields[i]);
        }
        writer.Write('\n');
    }

    private void WriteField(StreamWriter writer, ReadOnlySpan<char> field)
    {
        if (field.IsEmpty) return;
        if (field.IndexOfAny(_delimiter, '"', '\n') < 0 && !field.Contains('\r'))
        {
            writer.Write(field);
            return;
        }
        writer.Write('"');
        for (var quote = field.IndexOf('"'); quote >= 0; quote = field.IndexOf('"'))
        {
            writer.Write(field[..(quote + 1)]);
            writer.Write('"');
            field = field[(quote + 1)..];
        }
        writer.Write(field);
        writer.Write('"');
    }
}
