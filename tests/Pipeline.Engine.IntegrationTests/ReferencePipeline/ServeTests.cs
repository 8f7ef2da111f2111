using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// The serving host out of process, as a user runs it: ./build.sh Serve, predictions and feedback over REST, and a
/// SIGTERM under load that drains: every prediction answered with 200 is in data/serving/predictions.db.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class ServeTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    private const int Callers = 4;
    private const int RowsPerRequest = 5;
    private const int MaxRequestsPerCaller = 2000;
    private const int AnsweredBeforeSigterm = 100;

    [Fact]
    public async Task Serve_AfterDeploy_AnswersLogsFeedbackAndDrainsOnSigterm()
    {
        Assert.Equal(0, _repo.Run(PipelineFiles.FastDefaultRun).ExitCode);
        var (rest, grpc) = (LoopbackPort.Free(), LoopbackPort.Free());
        using var serve = _repo.Start("Serve", "--port", rest.ToString(), "--grpc-port", grpc.ToString());
        var stdout = serve.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{rest}") };
        await ServeProcess.WaitReady(http, serve);

        var row = ServeProcess.FirstSnapshotRow(_repo);
        var predict = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { row } });
        var body = JsonDocument.Parse(await predict.Content.ReadAsStringAsync()).RootElement;
        var requestId = body.GetProperty("predictions")[0].GetProperty("request_id").GetString();
        var bad = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = "lots" } } });
        await Task.Delay(500);
        var feedback = await http.PostAsJsonAsync("/v1/feedback", new { request_id = requestId, label = true });

        // NOTE: callers keep predicting while SIGTERM arrives; each stops at its first request the host no longer answers.
        var answered = new ConcurrentBag<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            for (var n = 0; n < MaxRequestsPerCaller; n++)
            {
                var id = $"drain-{c}-{n}";
                if (!await PredictAsync(http, id, row)) return;
                answered.Add(id);
                if (answered.Count >= AnsweredBeforeSigterm) enough.TrySetResult();
            }
        })).ToArray();
        await Task.WhenAny(enough.Task, Task.WhenAll(callers));
        Process.Start("kill", ["-TERM", serve.Id.ToString()])!.WaitForExit();
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(30)), "Serve did not stop after SIGTERM");
        await Task.WhenAll(callers);

        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal("v0.0.1", body.GetProperty("model_version").GetString());
        Assert.True(body.GetProperty("predictions")[0].GetProperty("probability").GetDouble() is >= 0 and <= 1);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("Build succeeded", await stdout);
        var logged = LoggedRequests(_repo.PathOf("data/serving/predictions.db"));
        Assert.True(answered.Count >= AnsweredBeforeSigterm, $"only {answered.Count} predictions were answered before the host stopped");
        Assert.All(answered, id => Assert.Equal(RowsPerRequest, logged.GetValueOrDefault(id)));
        // NOTE: a request the host answered while the client's connection was closing counts as logged, not answered.
        Assert.InRange(logged.Count - answered.Count, 0, Callers);
    }

    private static async Task<bool> PredictAsync(HttpClient http, string id, Dictionary<string, object?> row)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = Enumerable.Repeat(row, RowsPerRequest).ToArray() }),
        };
        request.Headers.Add("x-request-id", id);
        try
        {
            using var answer = await http.SendAsync(request);
            await answer.Content.ReadAsByteArrayAsync();
            return answer.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static Dictionary<string, long> LoggedRequests(string path)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT substr(request_id, 1, instr(request_id, ':') - 1), COUNT(*) FROM predictions WHERE request_id LIKE 'drain-%' GROUP BY 1";
        var logged = new Dictionary<string, long>();
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            logged[reader.GetString(0)] = reader.GetInt64(1);
        }

        return logged;
    }
}
