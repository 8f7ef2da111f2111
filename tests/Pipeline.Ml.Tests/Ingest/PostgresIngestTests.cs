using Npgsql;
using Pipeline.Ml.Ingest;

namespace Pipeline.Ml.Tests.Ingest;

public sealed class PostgresIngestTests
{
    private static string Connection => Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;

    [PostgresFact]
    public void Run_TableWithTimestampWatermark_FullThenIncremental()
    {
        var table = "ingest_test_" + Guid.NewGuid().ToString("N")[..8];
        Exec($"CREATE TABLE {table} (id bigint PRIMARY KEY, ts timestamptz NOT NULL, amount double precision, note text)");
        try
        {
            Exec($"INSERT INTO {table} VALUES (1, '2024-01-01T00:00:00Z', 1.5, 'a, b'), (2, '2024-01-01T00:00:01.25Z', NULL, NULL)");
            using var dir = new TestDirectory();
            var options = new IngestOptions { Kind = IngestKind.Postgres, Connection = Connection, Table = table, Watermark = "ts" };
            Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);
            Exec($"INSERT INTO {table} VALUES (3, '2024-01-02T00:00:00Z', 2, 'c')");

            var result = Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);

            Assert.Equal((1L, 1L, 3L), (result.RowsRead, result.RowsAppended, result.RowsTotal));
            Assert.DoesNotContain("Password", result.Source, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(
                "id,ts,amount,note\n1,2024-01-01T00:00:00Z,1.5,\"a, b\"\n2,2024-01-01T00:00:01.25Z,,\n3,2024-01-02T00:00:00Z,2,c\n",
                File.ReadAllText(dir.Path("raw.csv")));
        }
        finally
        {
            Exec($"DROP TABLE {table}");
        }
    }

    [PostgresFact]
    public void Run_BadQuery_FailsNamingServerWithoutPassword()
    {
        using var dir = new TestDirectory();
        var options = new IngestOptions { Kind = IngestKind.Postgres, Connection = Connection, Query = "SELECT * FROM no_such_table_here" };

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(options, dir.Path("raw.csv"), dir.Root));

        Assert.StartsWith("Ingest from postgres ", error.Message);
        Assert.Contains("no_such_table_here", error.Message);
        Assert.False(File.Exists(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_UnreachableServer_FailsWithoutPasswordInMessage()
    {
        using var dir = new TestDirectory();
        var options = new IngestOptions { Kind = IngestKind.Postgres, Connection = "Host=127.0.0.1;Port=1;Username=u;Password=s3cret;Database=d;Timeout=3" };

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(options, dir.Path("raw.csv"), dir.Root));

        Assert.StartsWith("Ingest from postgres 127.0.0.1:1/d (user u) failed: ", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.False(File.Exists(dir.Path("raw.csv")));
    }

    private static void Exec(string sql)
    {
        using var connection = new NpgsqlConnection(Connection);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
