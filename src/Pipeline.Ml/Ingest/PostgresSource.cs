using Npgsql;

namespace Pipeline.Ml.Ingest;

/// <summary>A PostgreSQL query over Npgsql; the watermark filter runs in SQL with a typed parameter.</summary>
internal sealed class PostgresSource(string connectionString, string? query, string table) : IIngestSource
{
    /// <inheritdoc />
    public string Description { get; } = Describe(connectionString);

    /// <inheritdoc />
    public SourceRows Open(WatermarkFilter? after, CancellationToken cancellationToken) =>
        SqlRows.Open(new NpgsqlConnection(connectionString), query, table, after,
            (command, filter) => ((NpgsqlCommand)command).Parameters.AddWithValue("watermark", filter.TypedAfter(allowDateTime: true)),
            cancellationToken);

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
