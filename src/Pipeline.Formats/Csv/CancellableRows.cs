namespace Pipeline.Formats.Csv;

/// <summary>Row streams that stop when a stage is cancelled (Ctrl-C, SIGTERM): checked at the first row and every 1,024 rows.</summary>
public static class CancellableRows
{
    /// <summary>The rows of <paramref name="reader"/>; throws <see cref="OperationCanceledException"/> once <paramref name="cancellation"/> is cancelled.</summary>
    public static IEnumerable<string?[]> ReadRows(this CsvSnapshotReader reader, CancellationToken cancellation)
    {
        long rows = 0;
        foreach (var row in reader.ReadRows())
        {
            if ((rows++ & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            yield return row;
        }
    }
}
