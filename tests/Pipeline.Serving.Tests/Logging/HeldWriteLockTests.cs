using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Grpc.Inference;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>
/// Another connection holds the SQLite log's write lock while REST and gRPC clients keep predicting: every client
/// answered 200 / OK has all its rows in the log once the lock is released, every other client was told (503 /
/// UNAVAILABLE) and none of its rows were logged, and feedback for a logged row works.
/// </summary>
[Collection(ServingCollection.Name)]
public sealed class HeldWriteLockTests(ServingFixture fixture)
{
    private const int Callers = 8;
    private const int MaxRequestsPerCaller = 60;
    private const int Rows = 10;

    [Fact]
    public async Task WriteLockHeld_AnsweredEqualsLoggedAndRefusedClientsTold()
    {
        await using var host = await RunningHost.StartAsync(fixture, o => o with { LogQueueCapacity = 100, LogWaitTimeout = TimeSpan.FromSeconds(1) });
        var log = host.App.Services.GetRequiredService<PredictionLog>();
        var outcomes = new ConcurrentBag<(string Id, bool Answered)>();
        var refusedSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new CancellationTokenSource();

        await using (var holder = new SqliteConnection($"Data Source={host.LogPath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
            {
                for (var n = 0; n < MaxRequestsPerCaller && !released.IsCancellationRequested; n++)
                {
                    var id = $"lock-{c}-{n}";
                    var answered = c % 2 == 0 ? await RestAsync(host.Http, id, n) : await GrpcAsync(host.Grpc, id, n);
                    outcomes.Add((id, answered));
                    if (!answered)
                    {
                        refusedSeen.TrySetResult();
                    }
                }
            })).ToArray();

            // NOTE: the lock is released once a client has been refused (or every caller finished), not after a set time.
            await Task.WhenAny(refusedSeen.Task, Task.WhenAll(callers));
            await released.CancelAsync();
            await using (var rollback = holder.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK";
                await rollback.ExecuteNonQueryAsync();
            }

            await Task.WhenAll(callers);
        }

        await log.FlushAsync(CancellationToken.None);
        var logged = await LoggedRequestsAsync(host.LogPath);
        var answered = outcomes.Where(o => o.Answered).Select(o => o.Id).Order().ToList();
        var refused = outcomes.Where(o => !o.Answered).Select(o => o.Id).ToList();
        var feedback = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = answered[0] + ":3", label = true });

        Assert.Equal(answered, logged.Keys.Order().ToList());
        Assert.All(logged.Values, rows => Assert.Equal(Rows, rows));
        Assert.Equal((long)answered.Count * Rows, await LogBurstTests.CountRowsAsync(host.LogPath));
        Assert.NotEmpty(refused);
        Assert.Equal(refused.Count, await MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_refused_requests_total"));
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
    }

    private static async Task<bool> RestAsync(HttpClient http, string id, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = Enumerable.Range(0, Rows).Select(i => new { amount = (double)(n + i), hour = i, country = "de" }).ToArray() }),
        };
        request.Headers.Add("x-request-id", id);
        using var answer = await http.SendAsync(request);
        if (answer.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Contains("not answered", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return false;
        }

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return true;
    }

    private static async Task<bool> GrpcAsync(GRPCInferenceService.GRPCInferenceServiceClient grpc, string id, int n)
    {
        var request = new ModelInferRequest { ModelName = "fraud-detector", Id = id };
        request.Inputs.Add(Tensor("amount", "FP32", c => c.Fp32Contents.AddRange(Enumerable.Range(n, Rows).Select(i => (float)i))));
        request.Inputs.Add(Tensor("hour", "FP32", c => c.Fp32Contents.AddRange(Enumerable.Range(0, Rows).Select(i => (float)i))));
        request.Inputs.Add(Tensor("country", "BYTES", c => c.BytesContents.AddRange(Enumerable.Repeat(ByteString.CopyFromUtf8("fr"), Rows))));
        try
        {
            await grpc.ModelInferAsync(request);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return false;
        }
    }

    private static ModelInferRequest.Types.InferInputTensor Tensor(string name, string datatype, Action<InferTensorContents> fill)
    {
        var input = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatype, Shape = { Rows }, Contents = new InferTensorContents() };
        fill(input.Contents);
        return input;
    }

    private static async Task<Dictionary<string, long>> LoggedRequestsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT substr(request_id, 1, instr(request_id, ':') - 1), COUNT(*) FROM predictions GROUP BY 1";
        var logged = new Dictionary<string, long>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            logged[reader.GetString(0)] = reader.GetInt64(1);
        }

        return logged;
    }
}
