using Pipeline.Ml.Data;
using Npgsql;
using Pipeline.Formats.PredictionLog;
using Pipeline.Ml.Ingest.Feedback;

namespace Pipeline.Ml.Tests.Ingest;

/// <summary>Feedback rows from a prediction log in a real PostgreSQL database (the replicas' shared log), by connection string.</summary>
public sealed class FeedbackIngestPostgresTests
{
    [PostgresFact]
    public void Append_PostgresLog_AddsTheLabelledPredictions()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var schema = "feedback_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(server, $"CREATE SCHEMA {schema}");
        try
        {
            // NOTE: the serving host's own DDL, in a per-run schema first on the search path.
            var log = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
            Execute(log, PredictionLogSchema.Postgres);
            Execute(log, """
                INSERT INTO predictions VALUES
                    ('b', '2026-01-01T00:00:02.0000000Z', 'm', 'v0.0.1', 'stable', '{"amount": 2.5, "country": "FR"}', '{}', 1),
                    ('a', '2026-01-01T00:00:01.0000000Z', 'm', 'v0.0.1', 'stable', '{"amount": 1, "country": "US"}', '{}', 1),
                    ('c', '2026-01-01T00:00:03.0000000Z', 'm', 'v0.0.1', 'stable', '{"amount": 3, "country": "DE"}', '{}', 1);
                INSERT INTO feedback VALUES ('a', '2026-01-01T00:01:00.0000000Z', 'false'), ('b', '2026-01-01T00:01:00.0000000Z', 'true');
                """);
            using var dir = new TestDirectory();
            var snapshot = dir.Write("snapshot.csv", "id,amount,country,is_fraud\n1,10.5,US,0\n");

            var result = FeedbackIngest.Append(snapshot, log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

            Assert.Equal((2L, 0L), (result.Appended, result.AlreadyPresent));
            var rows = File.ReadAllLines(snapshot).Skip(2).Select(l => l[(l.IndexOf(',') + 1)..]).ToArray();
            Assert.Equal(["1,US,0", "2.5,FR,1"], rows);
        }
        finally
        {
            Execute(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
