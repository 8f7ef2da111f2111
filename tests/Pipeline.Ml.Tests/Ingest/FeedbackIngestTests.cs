using Microsoft.Data.Sqlite;
using Pipeline.Formats.PredictionLog;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest.Feedback;

namespace Pipeline.Ml.Tests.Ingest;

/// <summary>Appending feedback-labelled traffic from a real SQLite prediction log (the serving host's table layout).</summary>
public sealed class FeedbackIngestTests : IDisposable
{
    private const string Header = "id,amount,country,is_fraud\n";
    private readonly TestDirectory dir = new();

    public void Dispose() => dir.Dispose();

    // NOTE: the serving host's own DDL, so the test reads what the host writes.
    private string Log(params (string Id, string Features, string? Label)[] rows)
    {
        var path = dir.Path("data/serving/predictions.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PredictionLogSchema.Sqlite;
        command.ExecuteNonQuery();
        var second = 0;
        foreach (var (id, features, label) in rows)
        {
            var time = $"2026-01-01T00:00:{second++:00}.0000000Z";
            Insert(connection, "INSERT INTO predictions VALUES ($id, $time, 'm', '0.0.1', 'production', $features, '{}', 1.0)", id, time, features);
            if (label is not null) Insert(connection, "INSERT INTO feedback VALUES ($id, $time, $features)", id, time, label);
        }
        return "data/serving/predictions.db";
    }

    private static void Insert(SqliteConnection connection, string sql, string id, string time, string value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$time", time);
        command.Parameters.AddWithValue("$features", value);
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Append_LabelledPredictions_AddsRowsInSnapshotColumnsWithDerivedKeysAndSnapshotLabels()
    {
        dir.Write("snapshot.csv", Header + "1,10.5,US,0\n2,99,GB,1\n");
        var log = Log(
            ("req-a", """{"amount": 12.25, "country": "VN", "extra": 3}""", "true"),
            ("req-b", """{"amount": 40, "country": "US"}""", null),
            ("req-c", """{"country": "DE, Berlin"}""", "0"));

        var result = FeedbackIngest.Append(dir.Path("snapshot.csv"), log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal((2L, 0L), (result.Appended, result.AlreadyPresent));
        Assert.Equal(["extra"], result.IgnoredFields);
        var lines = File.ReadAllText(dir.Path("snapshot.csv")).Split('\n');
        Assert.Equal(["id,amount,country,is_fraud", "1,10.5,US,0", "2,99,GB,1"], lines[..3]);
        Assert.Matches(@"^\d{16},12\.25,VN,1$", lines[3]);
        Assert.Matches(@"^\d{16},,""DE, Berlin"",0$", lines[4]);
        Assert.Equal("", lines[5]);
        Assert.All(lines[3..5], l => Assert.True(long.Parse(l[..16]) >= 1L << 52));
    }

    [Fact]
    public void Append_AgainWithMoreFeedback_AppendsOnlyTheNewRows()
    {
        dir.Write("snapshot.csv", Header + "1,10.5,US,0\n");
        var log = Log(("req-a", """{"amount": 1, "country": "US"}""", "0"));
        FeedbackIngest.Append(dir.Path("snapshot.csv"), log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));
        var first = File.ReadAllText(dir.Path("snapshot.csv"));
        Log(("req-b", """{"amount": 2, "country": "US"}""", "1"));

        var result = FeedbackIngest.Append(dir.Path("snapshot.csv"), log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal((1L, 1L), (result.Appended, result.AlreadyPresent));
        var text = File.ReadAllText(dir.Path("snapshot.csv"));
        Assert.StartsWith(first, text);
        Assert.Matches(@"^\d{16},2,US,1\n$", text[first.Length..]);
    }

    [Fact]
    public void Append_SameLogTwiceIntoFreshSnapshots_WritesIdenticalBytes()
    {
        var log = Log(("req-a", """{"amount": 1.5, "country": "US"}""", "1"), ("req-b", """{"amount": 2, "country": "FR"}""", "0"));
        dir.Write("a.csv", Header + "1,10.5,US,0\n");
        dir.Write("b.csv", Header + "1,10.5,US,0\n");

        FeedbackIngest.Append(dir.Path("a.csv"), log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));
        FeedbackIngest.Append(dir.Path("b.csv"), log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal(File.ReadAllBytes(dir.Path("a.csv")), File.ReadAllBytes(dir.Path("b.csv")));
    }

    [Fact]
    public void Append_NoLogYet_LeavesTheSnapshotAlone()
    {
        dir.Write("snapshot.csv", Header + "1,10.5,US,0\n");
        var before = File.GetLastWriteTimeUtc(dir.Path("snapshot.csv"));

        var result = FeedbackIngest.Append(dir.Path("snapshot.csv"), "data/serving/predictions.db", dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal(0, result.Appended);
        Assert.Equal(Header + "1,10.5,US,0\n", File.ReadAllText(dir.Path("snapshot.csv")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(dir.Path("snapshot.csv")));
    }

    [Fact]
    public void Append_KeyColumnNotInSnapshot_FailsNamingTheParameterAndKeepsTheSnapshot()
    {
        dir.Write("snapshot.csv", Header + "1,10.5,US,0\n");
        var log = Log(("req-a", """{"amount": 1, "country": "US"}""", "0"));

        var error = Assert.Throws<InvalidDataException>(() => FeedbackIngest.Append(dir.Path("snapshot.csv"), log, dir.Root, "tx_id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv")));

        Assert.Contains("'tx_id' (data.key)", error.Message);
        Assert.Equal(Header + "1,10.5,US,0\n", File.ReadAllText(dir.Path("snapshot.csv")));
    }

    [Fact]
    public void Append_LabelsTheDatasetCannotUse_QuarantinedWithReasonAndTheRestAppended()
    {
        dir.Write("snapshot.csv", Header + "1,10.5,US,0\n2,99,GB,1\n");
        var log = Log(
            ("req-a", """{"amount": 1, "country": "US"}""", "maybe"),
            ("req-b", """{"amount": 2, "country": "US"}""", "true"),
            ("req-c", """{"amount": 3, "country": "FR"}""", "12345"),
            ("req-d", """{"amount": 4, "country": "FR"}""", " "));

        var result = FeedbackIngest.Append(dir.Path("snapshot.csv"), log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal((1L, 3L), (result.Appended, result.Quarantined));
        var lines = File.ReadAllText(dir.Path("snapshot.csv")).Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^\d{16},2,US,1$", lines[3]);
        var quarantined = File.ReadAllText(dir.Path("quarantine.csv")).Split('\n');
        Assert.Equal("id,amount,country,is_fraud,_reason", quarantined[0]);
        Assert.Matches(@"^\d{16},1,US,maybe,""feedback for request 'req-a': label 'maybe' is not one of the snapshot's classes \(0, 1\)""$", quarantined[1]);
        Assert.EndsWith(",3,FR,12345,\"feedback for request 'req-c': label '12345' is not one of the snapshot's classes (0, 1)\"", quarantined[2], StringComparison.Ordinal);
        Assert.EndsWith("feedback for request 'req-d': the label is empty", quarantined[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Append_RegressionLabelNotANumber_Quarantined()
    {
        dir.Write("snapshot.csv", "id,amount,country,price\n1,10.5,US,3.25\n");
        var log = Log(("req-a", """{"amount": 1, "country": "US"}""", "4.5"), ("req-b", """{"amount": 2, "country": "US"}""", "lots"));

        var result = FeedbackIngest.Append(dir.Path("snapshot.csv"), log, dir.Root, "id", "price", MlTask.Regression, dir.Path("quarantine.csv"));

        Assert.Equal((1L, 1L), (result.Appended, result.Quarantined));
        Assert.EndsWith("feedback for request 'req-b': label 'lots' is not a number (data.task regression)\n", File.ReadAllText(dir.Path("quarantine.csv")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/serving/predictions.db", new[] { "data/serving/predictions.db", "data/serving/predictions.db-wal" })]
    [InlineData("Host=127.0.0.1", new string[0])]
    [InlineData("Host=db;Port=5432;Database=serving", new string[0])]
    public void LogFiles_FileOrConnectionString_WatchesTheSqliteFilesOnly(string log, string[] expected) =>
        Assert.Equal(expected, FeedbackIngest.LogFiles(log));
}
