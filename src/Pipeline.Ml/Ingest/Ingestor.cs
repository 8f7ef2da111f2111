using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest;

/// <summary>
/// The Ingest stage: copies a source into a CSV snapshot (see <see cref="Snapshot"/>), atomically. With
/// <see cref="IngestOptions.Watermark"/> set and a snapshot present, the load is incremental: the new snapshot is the old
/// rows followed by the source rows whose watermark is greater than the old maximum (pushed into SQL for databases,
/// filtered while reading otherwise), so rows are neither lost nor duplicated. Any failure throws
/// <see cref="IngestException"/> and leaves the previous snapshot (or none) untouched. Values copied unchanged but
/// likely to be misread (numbers with a decimal comma, text with invalid UTF-8) are reported in
/// <see cref="IngestResult.Warnings"/>.
/// </summary>
public static class Ingestor
{
    /// <summary>How often <see cref="Run"/> reports the rows read so far.</summary>
    public const int ProgressEveryRows = 100_000;

    /// <summary>
    /// Runs the ingest into <paramref name="snapshotPath"/>; relative source paths resolve against <paramref name="baseDirectory"/>.
    /// <paramref name="rowsRead"/> hears the count of source rows read every <see cref="ProgressEveryRows"/> rows and at the end.
    /// </summary>
    public static IngestResult Run(IngestOptions options, string snapshotPath, string baseDirectory, IProgress<long>? rowsRead = null, CancellationToken cancellationToken = default)
    {
        var source = IngestSources.Create(options, baseDirectory);
        try
        {
            var previous = options.Watermark is { } column && File.Exists(snapshotPath) ? PreviousSnapshot.Read(snapshotPath, column) : null;
            using var rows = source.Open(previous?.Filter, cancellationToken);
            var header = previous?.Header ?? rows.Columns;
            var map = ColumnMap(rows.Columns, header, previous is not null, snapshotPath);
            var identity = map.Select((source, i) => source == i).All(same => same);
            var watermarkIndex = options.Watermark is null ? -1 : IndexOf(rows.Columns, options.Watermark, source.Description);
            using var writer = new CsvSnapshotWriter(snapshotPath, header);
            previous?.CopyRowsTo(writer);
            var audit = new ColumnValueAudit(header);
            long read = 0, appended = 0, withoutWatermark = 0;
            foreach (var row in rows.Rows)
            {
                if ((read & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                read++;
                if (read % ProgressEveryRows == 0) rowsRead?.Report(read);
                if (previous is not null)
                {
                    var mark = row[watermarkIndex];
                    if (mark is null) { withoutWatermark++; continue; }
                    if (!previous.Filter.Passes(mark)) continue;
                }
                var written = identity ? row : map.Select(i => row[i]).ToArray();
                audit.Observe(written);
                writer.WriteRow(written);
                appended++;
            }
            writer.Complete();
            rowsRead?.Report(read);
            return new IngestResult(source.Description, read, appended, writer.RowCount, header, previous is not null, withoutWatermark)
            {
                Warnings = audit.Warnings(source.Description, rows.InvalidUtf8Sequences),
            };
        }
        // NOTE: a bug (null reference, bad index or cast) is not the source's fault; it keeps its own type and stack trace.
        catch (Exception e) when (e is not (IngestException or OperationCanceledException or NullReferenceException or IndexOutOfRangeException or InvalidCastException))
        {
            throw new IngestException(source.Description, e.Message, e);
        }
    }

    /// <summary>For each snapshot column, the index of the source column that fills it.</summary>
    private static int[] ColumnMap(IReadOnlyList<string> source, IReadOnlyList<string> snapshot, bool incremental, string snapshotPath)
    {
        if (incremental && (source.Count != snapshot.Count || source.Except(snapshot, StringComparer.Ordinal).Any()))
        {
            throw new InvalidDataException(
                $"the source columns ({string.Join(", ", source)}) differ from those of the existing snapshot {snapshotPath} " +
                $"({string.Join(", ", snapshot)}); delete the snapshot to reload in full.");
        }
        return snapshot.Select(name => source.ToList().IndexOf(name)).ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name, string source)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name) return i;
        }
        throw new IngestException(source, $"the watermark column '{name}' (ingest.watermark) is not among the source columns: {string.Join(", ", columns)}.");
    }
}
