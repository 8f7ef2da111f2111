namespace Pipeline.Ml.Ingest;

/// <summary>An open source: its column names and a single-pass stream of rows (null = missing); disposing closes it.</summary>
internal sealed class SourceRows(IReadOnlyList<string> columns, IEnumerable<string?[]> rows, IDisposable? owner = null, Func<long>? invalidUtf8 = null)
    : IDisposable
{
    /// <summary>Column names, unique, in source order.</summary>
    public IReadOnlyList<string> Columns { get; } = ColumnNames.Unique(columns);

    /// <summary>The rows, each with one field per column.</summary>
    public IEnumerable<string?[]> Rows { get; } = rows;

    /// <summary>
    /// Invalid UTF-8 byte sequences the source's decoder replaced by U+FFFD so far, or null when the source cannot tell
    /// (its driver decodes text itself).
    /// </summary>
    public long? InvalidUtf8Sequences => invalidUtf8?.Invoke();

    /// <summary>Closes the underlying reader, connection or temporary file.</summary>
    public void Dispose() => owner?.Dispose();
}
