using System.Web;
using Microsoft.Data.Sqlite;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Tests.Data;

namespace Pipeline.Ml.Tests.Ingest;

public sealed class IngestOptionsTests
{
    [Theory]
    [InlineData("ingest.kind", "csv", "Unknown parameter 'ingest.ingest.kind' in params.yaml. Did you mean 'ingest.kind'?")]
    [InlineData("paht", "a.csv", "Unknown parameter 'ingest.paht' in params.yaml. Did you mean 'ingest.path'?")]
    [InlineData("kind", "excel", "params.yaml ingest.kind is 'excel'; expected one of: csv, tsv, jsonl, parquet, sqlite, postgres, http, redis_stream, logs.")]
    [InlineData("allow_gap", "maybe", "params.yaml ingest.allow_gap is 'maybe'; expected true or false.")]
    [InlineData("trigger_rows", "0", "params.yaml ingest.trigger_rows is '0'; expected an integer >= 1.")]
    [InlineData("delimiter", ";;", "params.yaml ingest.delimiter is ';;'; expected one character, or 'tab' / '\\t'.")]
    [InlineData("page_size", "0", "params.yaml ingest.page_size is '0'; expected an integer >= 1.")]
    [InlineData("timeout_seconds", "soon", "params.yaml ingest.timeout_seconds is 'soon'; expected an integer >= 1.")]
    [InlineData("max_retries", "-1", "params.yaml ingest.max_retries is '-1'; expected an integer >= 0.")]
    [InlineData("seed", "-5", "params.yaml ingest.seed is '-5'; expected an integer >= 0.")]
    public void FromParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => IngestOptions.FromParams(new Dictionary<string, string> { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    /// <summary>Each page lists the request's own path and query, so every paging setting shows in the snapshot.</summary>
    private static (int, string) Page(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        var page = int.Parse(query["page"] ?? query["pg"] ?? "9");
        var request = url.PathAndQuery.Replace("\"", "", StringComparison.Ordinal);
        return page >= 3 ? (200, """{"items":[],"rows":[]}""") : (200, $$"""{"items":[{"request":"{{request}}"}],"rows":[{"request":"rows {{request}}"}]}""");
    }

    [Fact]
    public void Run_EachDocumentedKey_ChangesTheSnapshot()
    {
        using var server = new TestHttpServer((url, _) => Page(url));
        using var dir = new TestDirectory();
        dir.Write("in.csv", "id,ts,note\n1,2024-01-02,ab\n2,2024-01-03,c\n");
        dir.Write("other.csv", "id,ts,note\n7,2024-01-05,z\n");
        using (var db = new SqliteConnection($"Data Source={dir.Path("in.db")};Pooling=false"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "CREATE TABLE transactions (id INTEGER, v TEXT); INSERT INTO transactions VALUES (1, 'a'), (2, 'b');" +
                "CREATE TABLE other (id INTEGER, w TEXT); INSERT INTO other VALUES (3, 'c');";
            command.ExecuteNonQuery();
        }
        var run = 0;
        string Ingest(IReadOnlyDictionary<string, string> section)
        {
            var settings = new Dictionary<string, string> { ["kind"] = "csv", ["path"] = "in.csv" };
            foreach (var (key, value) in section) settings[key] = value;
            // NOTE: a previous snapshot with a row the source lacks: a full load replaces it, an incremental one appends to it.
            var snapshot = dir.Write($"out/{run++}.csv", "id,ts,note\n0,2024-01-02,old\n");
            Ingestor.Run(IngestOptions.FromParams(settings), snapshot, dir.Root);
            return File.ReadAllText(snapshot);
        }
        var http = new Dictionary<string, string> { ["kind"] = "http", ["url"] = server.BaseUrl + "api" };
        var sqlite = new Dictionary<string, string> { ["kind"] = "sqlite", ["path"] = "in.db" };

        DocumentedKeys.EachChangesOutput(IngestOptions.Keys, Ingest,
        [
            new("kind", "tsv"),
            new("path", "other.csv"),
            new("delimiter", ";"),
            new("query", "SELECT id FROM transactions", sqlite),
            new("table", "other", sqlite),
            new("url", server.BaseUrl + "v2", http),
            new("page_param", "pg", http),
            new("page_size_param", "size", http),
            new("page_size", "7", http),
            new("first_page", "2", http),
            new("items_field", "rows", http),
            new("watermark", "ts"),
        ],
        // NOTE: connection is PostgreSQL's (PostgresIngestTests); the retry settings and their jitter seed change only
        // how a failing source is retried; feedback rows are appended by the build through FeedbackIngest (FeedbackIngestTests);
        // the stream sources' keys are read by StreamIngestor and follow mode (Streaming/*Tests), never by Ingestor.
        withoutEffect: ["connection", "timeout_seconds", "max_retries", "retry_delay_ms", "seed", "feedback", "stream", "allow_gap", "interval", "trigger_rows", "trigger"]);
    }

    [Theory]
    [InlineData("redis-stream", IngestKind.RedisStream)]
    [InlineData("redis_stream", IngestKind.RedisStream)]
    [InlineData("logs", IngestKind.Logs)]
    public void FromParams_StreamKinds_WithHyphenOrUnderscore(string kind, IngestKind expected)
    {
        var options = IngestOptions.FromParams(new Dictionary<string, string> { ["kind"] = kind, ["stream"] = "tx", ["allow_gap"] = "true", ["interval"] = "5", ["trigger_rows"] = "100", ["trigger"] = "retrain" });

        Assert.Equal((expected, "tx", true, 5, 100, "retrain"), (options.Kind, options.Stream, options.AllowGap, options.Interval, options.TriggerRows, options.Trigger));
    }
}
