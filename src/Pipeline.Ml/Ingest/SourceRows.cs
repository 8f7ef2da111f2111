namespace Pipeline.Ml.Ingest;

/// <summary>An open source: its column names and a single-pass stream of rows (null = missing); disposing closes it.</summary>
internal sealed class SourceRows(IReadOnlyList<string> columns, IEnumerable<string?[]> rows, IDisposable? owner = null) : IDisposable
{
    /// <summary>Column names, unique, in source order.</summary>
    public IReadOnlyList<string> Columns { get; } = ColumnNames.Unique(columns);

    /// <summary>The rows, each with one field per column.</summary>
    public IEnumerable<string?[]> Rows { get; } = rows;

    /// <summary>Closes the underlying reader, connection or temporary file.</summary>
    public void Dispose() => owner?.Dispose();
}
