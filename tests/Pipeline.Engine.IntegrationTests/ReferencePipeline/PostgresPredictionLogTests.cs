using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// params.yaml <c>serve.prediction_log</c> naming a PostgreSQL database (no password in params.yaml): ./build.sh Serve
/// logs predictions and feedback there, and ./build.sh Monitor reports on that log, on a real server in a schema of
/// its own; no SQLite log is written.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class PostgresPredictionLogTests(ReferenceTemplate template) : IDisposable
{
    private const int Requests = 30;
    private const int RowsPerRequest = 2;

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [PostgresFact]
    public async Task Serve_ThenFeedback_ThenMonitor_ThroughServePredictionLog_OnePostgresLog()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var schema = "it_log_" + Guid.NewGuid().ToString("N")[..12];
        await ExecAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var log = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Password = null }.ToString();
            Assert.Equal(0, _repo.Run(PipelineFiles.FastDefaultRun).ExitCode);
            var (rest, grpc) = (LoopbackPort.Free(), LoopbackPort.Free());
            using var serve = _repo.Start("Serve", "--set", $"serve.prediction_log={log}", "--port", rest.ToString(), "--grpc-port", grpc.ToString());
            var stdout = serve.StandardOutput.ReadToEndAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{rest}") };
            await ServeProcess.WaitReady(http, serve);

            var row = ServeProcess.FirstSnapshotRow(_repo);
            var fedBack = 0;
            for (var n = 0; n < Requests; n++)
            {
                using var predict = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = Enumerable.Repeat(row, RowsPerRequest).ToArray() });
                Assert.True(predict.IsSuccessStatusCode, await predict.Content.ReadAsStringAsync());
                if (n % 2 == 1) continue;
                var id = JsonDocument.Parse(await predict.Content.ReadAsStringAsync()).RootElement.GetProperty("predictions")[0].GetProperty("request_id").GetString();
                using var feedback = await PostFeedbackAsync(http, id!);
                Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
                fedBack++;
            }
            Process.Start("kill", ["-TERM", serve.Id.ToString()])!.WaitForExit();
            Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(30)), "Serve did not stop after SIGTERM");
            Assert.Equal(0, serve.ExitCode);
            await stdout;

            var monitor = _repo.Run("Monitor", "--set", "monitor.min_predictions=10", "--set", "monitor.min_labels=5",
                "--set", $"deploy.host=http://127.0.0.1:{LoopbackPort.Free()}");

            Assert.Equal(Requests * RowsPerRequest, await ScalarAsync(log, "SELECT COUNT(*) FROM predictions"));
            Assert.Equal(fedBack, await ScalarAsync(log, "SELECT COUNT(*) FROM feedback"));
            Assert.False(File.Exists(_repo.PathOf("data/serving/predictions.db")), "Serve wrote the SQLite log as well");
            Assert.DoesNotContain("No prediction log", monitor.Output, StringComparison.Ordinal);
            using var report = JsonDocument.Parse(_repo.Read("reports/monitoring.json"));
            var window = report.RootElement.GetProperty("window");
            Assert.True(window.GetProperty("predictions").GetInt32() == Requests * RowsPerRequest, monitor.ToString());
            Assert.Equal(fedBack, window.GetProperty("labelled").GetInt32());
        }
        finally
        {
            await ExecAsync(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task<HttpResponseMessage> PostFeedbackAsync(HttpClient http, string requestId)
    {
        // NOTE: the log's writer is asynchronous; feedback on a prediction not yet written is retried, as a client would.
        for (var attempt = 0; ; attempt++)
        {
            var answer = await http.PostAsJsonAsync("/v1/feedback", new { request_id = requestId, label = false });
            if (answer.IsSuccessStatusCode || attempt == 50) return answer;
            answer.Dispose();
            await Task.Delay(100);
        }
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
