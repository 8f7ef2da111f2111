namespace Pipeline.Ml.Ingest;

/// <summary>What one ingest run did.</summary>
/// <param name="Source">The source description (no secrets).</param>
/// <param name="RowsRead">Rows fetched from the source this run.</param>
/// <param name="RowsAppended">Rows new to the snapshot (all rows on a full load).</param>
/// <param name="RowsTotal">Rows in the written snapshot.</param>
/// <param name="Columns">The snapshot's columns, in order.</param>
/// <param name="Incremental">True when old rows were kept and only rows past the watermark were added.</param>
/// <param name="RowsWithoutWatermark">Rows skipped on an incremental load because their watermark value was missing.</param>
public sealed record IngestResult(
    string Source, long RowsRead, long RowsAppended, long RowsTotal, IReadOnlyList<string> Columns, bool Incremental, long RowsWithoutWatermark = 0)
{
    /// <summary>
    /// One line per column whose appended values were copied but are likely misread: numbers written with a comma, or
    /// invalid UTF-8 replaced by U+FFFD (see <c>ColumnValueAudit</c>). The Ingest target logs them as warnings.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
