using Microsoft.Data.Sqlite;

namespace Pipeline.Ml.Ingest;

/// <summary>A SQLite database file, opened read-only; the watermark filter runs in SQL.</summary>
internal sealed class SqliteSource(string path, string? query, string table) : IIngestSource
{
    /// <inheritdoc />
    public string Description => $"sqlite database {path}";

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken)
    {
        FileSources.RequireFile(path, Description);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        // NOTE: SQLite stores timestamps as text, so only numbers are typed; an ISO text bound compares as text.
        return SqlRows.Open(connection, query, table, after,
            (command, filter) => ((SqliteCommand)command).Parameters.AddWithValue("@watermark", filter.TypedAfter(allowDateTime: false)),
            cancellationToken);
    }
}
