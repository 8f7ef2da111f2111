using Microsoft.Data.Sqlite;
using Pipeline.Formats.PredictionLog;

namespace Pipeline.Monitoring.Tests.Logs;

/// <summary>A real SQLite prediction log in a temp dir, created with the serving host's DDL (PredictionLogSchema).</summary>
internal sealed class PredictionLogFile : IDisposable
{
    private readonly SqliteConnection _connection;

    /// <summary>Creates the folder and the empty log.</summary>
    public PredictionLogFile()
    {
        Folder = Directory.CreateTempSubdirectory("monitor-log-").FullName;
        Path = System.IO.Path.Combine(Folder, "predictions.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        _connection.Open();
        Execute(PredictionLogSchema.Sqlite);
    }

    /// <summary>The temp folder (also holds reference CSVs and metrics files of a test).</summary>
    public string Folder { get; }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Inserts a prediction the way the host does (time as fixed-width ISO UTC text).</summary>
    public void AddPrediction(string id, DateTimeOffset time, string featuresJson, string outputJson, double latencyMs,
        string version = "3", string variant = "production", string model = "fraud")
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO predictions (request_id, time, model, model_version, variant, features, output, latency_ms) " +
            "VALUES (@id, @time, @model, @version, @variant, @features, @output, @latency)";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@time", Time(time));
        command.Parameters.AddWithValue("@model", model);
        command.Parameters.AddWithValue("@version", version);
        command.Parameters.AddWithValue("@variant", variant);
        command.Parameters.AddWithValue("@features", featuresJson);
        command.Parameters.AddWithValue("@output", outputJson);
        command.Parameters.AddWithValue("@latency", latencyMs);
        command.ExecuteNonQuery();
    }

    /// <summary>Stores a feedback label.</summary>
    public void AddFeedback(string id, DateTimeOffset time, string label)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO feedback (request_id, time, label) VALUES (@id, @time, @label)";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@time", Time(time));
        command.Parameters.AddWithValue("@label", label);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs inserts in one transaction (fast for hundreds of rows).</summary>
    public void Batch(Action fill)
    {
        Execute("BEGIN");
        fill();
        Execute("COMMIT");
    }

    /// <summary>Closes the database and deletes the folder.</summary>
    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Time(DateTimeOffset time) => PredictionLogTime.Text(time);
}
