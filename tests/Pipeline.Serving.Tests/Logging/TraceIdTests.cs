using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Grpc.Inference;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>The W3C trace id of a request reaches its logged prediction, its answer and the feedback that labels it.</summary>
[Collection(ServingCollection.Name)]
public sealed class TraceIdTests(ServingFixture fixture)
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string TraceParent = "00-" + TraceId + "-00f067aa0ba902b7-01";

    [Fact]
    public async Task Predict_WithTraceparent_LogRowAndFeedbackRowCarryItsTraceId()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { new { amount = 12.5, hour = 3, country = "de" } } }),
        };
        request.Headers.Add("x-request-id", "traced-1");
        request.Headers.Add("traceparent", TraceParent);

        var answer = await host.Http.SendAsync(request);
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);
        var feedback = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = "traced-1", label = false });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (answer.StatusCode, feedback.StatusCode));
        Assert.StartsWith($"00-{TraceId}-", answer.Headers.GetValues("traceresponse").Single(), StringComparison.Ordinal);
        Assert.Equal(TraceId, Scalar(host.LogPath, "SELECT trace_id FROM predictions WHERE request_id = 'traced-1'"));
        Assert.Equal(TraceId, Scalar(host.LogPath, "SELECT trace_id FROM feedback WHERE request_id = 'traced-1'"));
    }

    [Fact]
    public async Task Predict_WithoutTraceparent_LogsTheTraceIdItAnswers()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { new { amount = 7.0, hour = 9, country = "fr" } } }),
        };
        request.Headers.Add("x-request-id", "untraced-1");

        var answer = await host.Http.SendAsync(request);
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);

        var logged = Scalar(host.LogPath, "SELECT trace_id FROM predictions WHERE request_id = 'untraced-1'");
        Assert.Matches("^[0-9a-f]{32}$", logged);
        Assert.NotEqual(new string('0', 32), logged);
        Assert.Equal(logged, answer.Headers.GetValues("traceresponse").Single().Split('-')[1]);
    }

    [Fact]
    public async Task GrpcInfer_WithTraceparentMetadata_LogRowCarriesItsTraceId()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var request = new ModelInferRequest { ModelName = "fraud-detector", Id = "traced-grpc" };
        request.Inputs.Add(PredictTests.Input("amount", "FP32", c => c.Fp32Contents.Add(42f)));
        request.Inputs.Add(PredictTests.Input("hour", "FP32", c => c.Fp32Contents.Add(23f)));
        request.Inputs.Add(PredictTests.Input("country", "BYTES", c => c.BytesContents.Add(Google.Protobuf.ByteString.CopyFromUtf8("de"))));

        await host.Grpc.ModelInferAsync(request, new Metadata { { "traceparent", TraceParent } });
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);

        Assert.Equal(TraceId, Scalar(host.LogPath, "SELECT trace_id FROM predictions WHERE request_id = 'traced-grpc'"));
    }

    [Fact]
    public async Task Start_OnALogWithoutTraceIds_AddsTheColumnsAndKeepsTheRows()
    {
        var path = Path.Combine(fixture.Root, "data", "serving", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Execute(path, """
            CREATE TABLE predictions (request_id TEXT PRIMARY KEY, time TEXT NOT NULL, model TEXT NOT NULL, model_version TEXT NOT NULL,
                variant TEXT NOT NULL, features TEXT NOT NULL, output TEXT NOT NULL, latency_ms REAL NOT NULL);
            CREATE TABLE feedback (request_id TEXT PRIMARY KEY, time TEXT NOT NULL, label TEXT NOT NULL);
            INSERT INTO predictions VALUES ('old-1', '2026-01-01T00:00:00.0000000Z', 'fraud-detector', 'v0.0.1', 'stable', '{}', '{"score":0.1}', 1.0);
            """);

        await using var host = await RunningHost.StartAsync(fixture, o => o with { PredictionLogPath = path });
        var feedback = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = "old-1", label = true });

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal("", Scalar(path, "SELECT trace_id FROM predictions WHERE request_id = 'old-1'"));
        Assert.Equal("", Scalar(path, "SELECT trace_id FROM feedback WHERE request_id = 'old-1'"));
    }

    private static string Scalar(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string ?? throw new Xunit.Sdk.XunitException($"No row for: {sql}");
    }

    private static void Execute(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
