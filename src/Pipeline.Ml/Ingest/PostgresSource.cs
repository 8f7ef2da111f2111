using Npgsql;

namespace Pipeline.Ml.Ingest;

/// <summary>A PostgreSQL query over Npgsql; the watermark filter runs in SQL with a typed parameter.</summary>
internal sealed class PostgresSource(string connectionString, string? query, string table) : IIngestSource
{
    /// <inheritdoc />
    public string Description { get; } = Describe(connectionString);

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = SqlRows.Build(query, table, after);
            if (after is not null) command.Parameters.AddWithValue("watermark", after.TypedAfter(allowDateTime: true));
            return SqlRows.Stream(connection, command, cancellationToken);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>"postgres host:port/database (user name)": never the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgres {b.Host}:{b.Port}/{b.Database} (user {b.Username})";
        }
        catch (ArgumentException)
        {
            return "postgres (unparsable ingest.connection)";
        }
    }
}
