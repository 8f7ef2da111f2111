using System.Net;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

public sealed class PipelinePageTests
{
    [Fact]
    public async Task PipelinePage_ShowsEveryTargetWithItsLockAndLastRun()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<th scope=\"row\" title=\"Search trainers and hyper-parameters\">Train</th><td>Featurize</td><td>locked (1 outs)</td><td class=\"status-executed\">executed</td><td class=\"num\">1 min 1 s</td><td>params changed: train.num_leaves</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" title=\"\">Evaluate</th><td>Featurize, Train</td><td class=\"status-notrun\">not locked</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"status-failed\">failed</td><td class=\"num\">300 ms</td><td>Gate: auc 0.80 &lt; 0.85</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">4.2 s</td>", html, StringComparison.Ordinal);
        Assert.Contains("Last run recorded 2026-03-02 09:30:00 UTC (5 targets).", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"other-targets\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>Push</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinePage_DrawsTheTargetGraph_ABoxPerTargetColouredByTheLastRun()
    {
        using var repo = new UiRepository();
        File.AppendAllText(Path.Combine(repo.Root, "dvc.yaml"), "  Monitor:\n    cmd: ./build.sh Monitor --skip\n    outs:\n    - reports/monitoring.json\n");
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/");

        Assert.Contains("<img class=\"chart\" id=\"target-graph\" alt=\"The target graph: Featurize, Train after Featurize, Evaluate after Featurize and Train, Deploy after Train and Evaluate\" src=\"data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        var svg = MonitoringPageTests.Svg(html, "target-graph");
        foreach (var target in new[] { "Featurize", "Train", "Evaluate", "Deploy" }) Assert.Contains(target, svg, StringComparison.Ordinal);
        // NOTE: Deploy failed in the last run (red border), Train executed (green), Featurize was skipped (grey).
        Assert.Contains("#C62828", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#1E7E34", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#80868B", svg, StringComparison.OrdinalIgnoreCase);
        // NOTE: a target linked to no other is named under the graph, not drawn.
        Assert.DoesNotContain("Monitor", svg, StringComparison.Ordinal);
        Assert.Contains("Reading no other target&#39;s outputs and feeding none: Monitor.</figcaption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinePage_RunInProgress_ShowsTargetByTargetAndTheTrials_AndReloadsItself()
    {
        using var repo = new UiRepository();
        repo.StartLiveRun();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/");

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Train</th><td class=\"status-running\">running</td><td class=\"num\">2 min 10 s</td><td><progress max=\"1\" value=\"0.1\"></progress> 3/16 trials (10%)</td><td>auc 0.9123 (LightGbm, trial 1)</td><td class=\"num\">~19 min 30 s</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Evaluate</th><td class=\"status-pending\">pending</td>", html, StringComparison.Ordinal);
        Assert.Contains("<ol id=\"steps-Train\" reversed><li>trial 2 (rung 0, SdcaLogisticRegression): auc 0.8876</li><li>trial 1 (rung 0, LightGbm): auc 0.9123</li><li>trial 0 (rung 0, FastTree): auc 0.9012</li></ol>", html, StringComparison.Ordinal);
        Assert.Contains("Last run recorded 2026-03-02 09:30:00 UTC (5 targets).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinePage_RunWhoseProcessIsGone_SaysItStopped_AndDoesNotReload()
    {
        using var repo = new UiRepository();
        repo.StartLiveRun(pid: int.MaxValue);
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/");

        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"live\"", html, StringComparison.Ordinal);
        Assert.Contains($"by process {int.MaxValue} stopped without finishing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinePage_CorruptLockAndRunRecord_SaysSoInThePage()
    {
        using var repo = new UiRepository();
        File.WriteAllText(Path.Combine(repo.Root, "dvc.lock"), "schema: '1.0'\nstages: [\n");
        File.WriteAllText(Path.Combine(repo.Root, ".nuke", "temp", "run.json"), "{not json");
        File.WriteAllText(Path.Combine(repo.Root, ".nuke", "temp", "live.json"), "{\"pid\": 1}");
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a valid dvc.lock", html, StringComparison.Ordinal);
        Assert.Contains(".nuke/temp/run.json is not a run record", html, StringComparison.Ordinal);
        Assert.Contains(".nuke/temp/live.json is not a live run record", html, StringComparison.Ordinal);
        Assert.Contains(">Train</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelinePage_NoDvcYaml_SaysHowToGetOne()
    {
        using var repo = new UiRepository();
        File.Delete(Path.Combine(repo.Root, "dvc.yaml"));
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/");

        Assert.Contains("No dvc.yaml yet: run ./build.sh once", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_ShowsWhatThePlannerAnswers_OrThatThereIsNone()
    {
        using var repo = new UiRepository();
        await using (var withPlanner = await RunningUi.StartAsync(repo, configure: o => o with { Plan = _ => Task.FromResult("Plan (1 targets):\n  Train run <params changed>\n") }))
        {
            var html = await withPlanner.Http.GetStringAsync("/plan");
            Assert.Contains("<pre id=\"plan\">Plan (1 targets):\n  Train run &lt;params changed&gt;\n</pre>", html, StringComparison.Ordinal);
        }

        await using var without = await RunningUi.StartAsync(repo);
        Assert.Contains("started without a planner", await without.Http.GetStringAsync("/plan"), StringComparison.Ordinal);
    }
}
