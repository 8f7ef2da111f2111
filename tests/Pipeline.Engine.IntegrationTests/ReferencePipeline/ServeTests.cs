using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The serving host out of process, as a user runs it: ./build.sh Serve, predictions and feedback over REST, SIGTERM drains.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class ServeTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Serve_AfterDeploy_AnswersLogsFeedbackAndDrainsOnSigterm()
    {
        Assert.Equal(0, _repo.Run(PipelineFiles.FastDefaultRun).ExitCode);
        var (rest, grpc) = (LoopbackPort.Free(), LoopbackPort.Free());
        using var serve = _repo.Start("Serve", "--port", rest.ToString(), "--grpc-port", grpc.ToString());
        var stdout = serve.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{rest}") };
        await WaitReady(http, serve);

        var row = FirstSnapshotRow();
        var predict = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { row } });
        var body = JsonDocument.Parse(await predict.Content.ReadAsStringAsync()).RootElement;
        var requestId = body.GetProperty("predictions")[0].GetProperty("request_id").GetString();
        var bad = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = "lots" } } });
        await Task.Delay(500);
        var feedback = await http.PostAsJsonAsync("/v1/feedback", new { request_id = requestId, label = true });

        Process.Start("kill", ["-TERM", serve.Id.ToString()])!.WaitForExit();
        Assert.True(serve.WaitForExit(TimeSpan.FromSeconds(30)), "Serve did not stop after SIGTERM");

        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal("v0.0.1", body.GetProperty("model_version").GetString());
        Assert.True(body.GetProperty("predictions")[0].GetProperty("probability").GetDouble() is >= 0 and <= 1);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(feedback.IsSuccessStatusCode, await feedback.Content.ReadAsStringAsync());
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("Build succeeded", await stdout);
        Assert.True(File.Exists(_repo.PathOf("data/serving/predictions.db")));
    }

    private Dictionary<string, object?> FirstSnapshotRow()
    {
        var lines = File.ReadLines(_repo.PathOf("data/raw/snapshot.csv")).Take(2).ToArray();
        var (header, values) = (lines[0].Split(','), lines[1].Split(','));
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] is "id" or "is_fraud") continue;
            row[header[i]] = double.TryParse(values[i], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : values[i];
        }
        return row;
    }

    private static async Task WaitReady(HttpClient http, Process serve)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (serve.HasExited) throw new InvalidOperationException($"Serve exited with {serve.ExitCode}: {serve.StandardError.ReadToEnd()}");
            try
            {
                if ((await http.GetAsync("/v2/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the serving host was not ready in 2 minutes");
    }
}
