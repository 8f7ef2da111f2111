using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>A CSV's rows in batches held as characters (<see cref="CsvRows"/>), for passes that work column by column.</summary>
internal static class CsvRowBlocks
{
    /// <summary>Fields per batch (1,048,576: 1,024 rows of 1,024 fields, 104 rows of 10,000).</summary>
    private const int BatchFields = 1 << 20;

    /// <summary>
    /// Rows per batch of a table <paramref name="width"/> fields wide (1 to 1,024): the one rule every summary pass batches
    /// by, so batch boundaries (and the bits of statistics merged batch by batch) depend on the data only.
    /// </summary>
    public static int RowsFor(int width) => Math.Clamp(BatchFields / Math.Max(1, width), 1, 1_024);

    /// <summary>
    /// Calls <paramref name="onBlock"/> with each batch of <see cref="RowsFor"/> of <paramref name="reader"/>'s remaining rows
    /// (fewer in the last), in order, with the index of its first row (the batch is reused afterwards); cancelling
    /// <paramref name="cancellation"/> stops it (checked every 1,024 rows).
    /// </summary>
    public static void ForEach(CsvSnapshotReader reader, Action<CsvRows, long> onBlock, CancellationToken cancellation)
    {
        var size = RowsFor(reader.Header.Count);
        var rows = new CsvRows();
        long first = 0;
        for (long read = 0; ; read++)
        {
            if ((read & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            if (!reader.ReadRow(rows)) break;
            if (rows.Count < size) continue;
            onBlock(rows, first);
            first += rows.Count;
            rows.Clear();
        }
        if (rows.Count > 0) onBlock(rows, first);
    }
}
