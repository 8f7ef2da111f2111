using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>The snapshot an incremental load extends: its header and the watermark maximum of its rows.</summary>
internal sealed class PreviousSnapshot
{
    private readonly string _path;

    private PreviousSnapshot(string path, IReadOnlyList<string> header, WatermarkFilter filter)
    {
        _path = path;
        Header = header;
        Filter = filter;
    }

    /// <summary>The existing column order, kept by the new snapshot.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>"Greater than the old maximum".</summary>
    public WatermarkFilter Filter { get; }

    /// <summary>
    /// Scans <paramref name="path"/> for the maximum of <paramref name="column"/>; null when no row has a watermark value
    /// (then nothing can be told apart and the load is a full reload).
    /// </summary>
    public static PreviousSnapshot? Read(string path, string column)
    {
        using var reader = new CsvSnapshotReader(path);
        var index = reader.Header.ToList().IndexOf(column);
        if (index < 0)
            throw new InvalidDataException($"the existing snapshot {path} has no watermark column '{column}'; delete it to reload in full.");
        string? max = null;
        foreach (var row in reader.ReadRows())
        {
            if (row[index] is { } value && (max is null || WatermarkFilter.Compare(value, max) > 0)) max = value;
        }
        return max is null ? null : new PreviousSnapshot(path, reader.Header, new WatermarkFilter(column, max));
    }

    /// <summary>Streams the old rows into the new snapshot.</summary>
    public void CopyRowsTo(CsvSnapshotWriter writer)
    {
        using var reader = new CsvSnapshotReader(_path);
        foreach (var row in reader.ReadRows()) writer.WriteRow(row);
    }
}
