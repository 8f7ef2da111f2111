using Microsoft.Data.Sqlite;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest.Feedback;
using Pipeline.Formats.PredictionLog;

namespace Pipeline.Ml.Tests.Ingest;

/// <summary>A served prediction without a label yet is not ingested (it would be trained on as no class); its label brings it in.</summary>
public sealed class FeedbackWaitsForLabelTests : IDisposable
{
    private const string Log = "data/serving/predictions.db";
    private readonly TestDirectory dir = new();
    private readonly SqliteConnection connection;

    public FeedbackWaitsForLabelTests()
    {
        Directory.CreateDirectory(dir.Path("data/serving"));
        connection = new SqliteConnection($"Data Source={dir.Path(Log)};Pooling=False");
        connection.Open();
        Execute(PredictionLogSchema.Sqlite);
    }

    public void Dispose()
    {
        connection.Dispose();
        dir.Dispose();
    }

    private void Execute(string sql, params (string Name, string Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    private void Predict(string id, string features) =>
        Execute("INSERT INTO predictions VALUES ($id, '2026-01-01T00:00:00.0000000Z', 'm', '0.0.1', 'production', $f, '{}', 1.0)", ("$id", id), ("$f", features));

    private void Label(string id, string label) =>
        Execute("INSERT INTO feedback VALUES ($id, '2026-01-01T00:01:00.0000000Z', $label)", ("$id", id), ("$label", label));

    [Fact]
    public void Append_PredictionWithoutLabelYet_WaitsAndIsIngestedOnceLabelled()
    {
        dir.Write("snapshot.csv", "id,amount,is_fraud\n1,10.5,0\n2,99,1\n");
        Predict("req-a", """{"amount": 12.25}""");
        Predict("req-b", """{"amount": 40}""");
        Label("req-a", "true");

        var first = FeedbackIngest.Append(dir.Path("snapshot.csv"), Log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal(1, first.Appended);
        var rows = SnapshotRows.Read(dir.Path("snapshot.csv"));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[^1])));
        Assert.DoesNotContain(rows, r => r[1] == "40");

        Label("req-b", "false");
        var second = FeedbackIngest.Append(dir.Path("snapshot.csv"), Log, dir.Root, "id", "is_fraud", MlTask.Binary, dir.Path("quarantine.csv"));

        Assert.Equal((1L, 1L), (second.Appended, second.AlreadyPresent));
        Assert.Contains(SnapshotRows.Read(dir.Path("snapshot.csv")), r => r[1] == "40" && r[2] == "0");
    }
}
