using System.Diagnostics;
using System.Net;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// The web UI out of process, as a user runs it: ./build.sh Ui after a default run, then SIGTERM. The default run's
/// redirected output carries Train's progress as plain lines, and the Ui run (lock-free) leaves its run.json alone.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class UiTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Ui_AfterDeploy_ShowsTheRunTheProductionModelAndThePlan_RefusesActionsWithoutTheToken()
    {
        var run = _repo.Run(PipelineFiles.FastDefaultRun);
        Assert.Equal(0, run.ExitCode);
        // NOTE: train.budget=3 with halving: 3 + 1 + 1 trials; output is redirected, so one plain line per finished trial.
        Assert.Matches(@"(?m)^Train: 1/5 trials \(\d+%\) · best auc \d\.\d{4} \(\w+, trial \d\) · \d+ s elapsed · ~", run.Stdout);
        Assert.Matches(@"(?m)^Train: 5/5 trials \(100%\) · best auc \d\.\d{4} \(\w+, trial \d\) · \d+ (s|min \d\d s) elapsed$", run.Stdout);
        Assert.False(File.Exists(_repo.PathOf(".nuke/temp/live.json")), "the live record outlived the run");
        var lastRun = _repo.Read(".nuke/temp/run.json");
        var port = LoopbackPort.Free();
        using var ui = _repo.Start("Ui", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--admin-token", "t0ken");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(3) };
        var pipeline = await WaitForPage(http, ui);

        var models = await http.GetStringAsync("/models");
        var plan = await http.GetStringAsync("/plan");
        using var refused = await http.PostAsync("/models/fraud-detector/promote",
            new FormUrlEncodedContent([new("version", "v0.0.1"), new("token", "wrong")]));
        Process.Start("kill", ["-TERM", ui.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        Assert.True(ui.WaitForExit(TimeSpan.FromSeconds(30)), "Ui did not stop after SIGTERM");
        Assert.Equal(lastRun, _repo.Read(".nuke/temp/run.json"));

        Assert.Contains("title=\"Search trainers and hyper-parameters", pipeline, StringComparison.Ordinal);
        Assert.Contains(">Train</th>", pipeline, StringComparison.Ordinal);
        Assert.Contains("<td class=\"status-executed\">executed</td>", pipeline, StringComparison.Ordinal);
        Assert.Contains("<span id=\"production-fraud-detector\">v0.0.1</span>", models, StringComparison.Ordinal);
        Assert.Contains("<pre id=\"plan\">Plan (", plan, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<string> WaitForPage(HttpClient http, Process ui)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (ui.HasExited) throw new InvalidOperationException($"Ui exited with {ui.ExitCode}: {ui.StandardError.ReadToEnd()}");
            try
            {
                using var response = await http.GetAsync("/");
                if (response.IsSuccessStatusCode) return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the UI did not answer in 2 minutes");
    }
}
