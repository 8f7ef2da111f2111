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
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = SqlRows.Build(query, table, after);
            // NOTE: SQLite stores timestamps as text, so only numbers are typed; an ISO text bound compares as text.
            if (after is not null) command.Parameters.AddWithValue("@watermark", after.TypedAfter(allowDateTime: false));
            return SqlRows.Stream(connection, command, cancellationToken);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
