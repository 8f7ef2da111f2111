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
    public async Task PipelinePage_CorruptLockAndRunRecord_SaysSoInThePage()
    {
        using var repo = new UiRepository();
        File.WriteAllText(Path.Combine(repo.Root, "dvc.lock"), "schema: '1.0'\nstages: [\n");
        File.WriteAllText(Path.Combine(repo.Root, ".nuke", "temp", "run.json"), "{not json");
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a valid dvc.lock", html, StringComparison.Ordinal);
        Assert.Contains(".nuke/temp/run.json is not a run record", html, StringComparison.Ordinal);
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
