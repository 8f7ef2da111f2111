using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Data;

/// <summary>A CSV's rows in batches held as characters (<see cref="CsvRows"/>), for passes that work column by column.</summary>
internal static class CsvRowBlocks
{
    /// <summary>Rows per batch.</summary>
    private const int BlockRows = 256;

    /// <summary>
    /// Calls <paramref name="onBlock"/> with each batch of up to 256 of <paramref name="reader"/>'s remaining rows, in
    /// order (the batch is reused afterwards); cancelling <paramref name="cancellation"/> stops it (checked every 1,024 rows).
    /// </summary>
    public static void ForEach(CsvSnapshotReader reader, Action<CsvRows> onBlock, CancellationToken cancellation)
    {
        var rows = new CsvRows();
        for (long read = 0; ; read++)
        {
            if ((read & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            if (!reader.ReadRow(rows)) break;
            if (rows.Count < BlockRows) continue;
            onBlock(rows);
            rows.Clear();
        }
        if (rows.Count > 0) onBlock(rows);
    }
}
