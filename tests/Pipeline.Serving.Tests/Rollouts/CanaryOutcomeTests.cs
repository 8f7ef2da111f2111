using System.Net;
using System.Net.Http.Json;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>A canary judged on labelled outcomes: feedback joined to the predictions it belongs to, compared per variant.</summary>
[Collection(ServingCollection.Name)]
public sealed class CanaryOutcomeTests(ServingFixture fixture)
{
    // NOTE: a generous latency bound and no score-shift bound, so only the labelled comparison can judge the candidate.
    private static RolloutRequest Canary(int minLabels, double wait = 300) => new()
    {
        Strategy = "canary", Version = "v0.0.2", Steps = [50, 100], HoldSeconds = 60, EntityKey = "customer-id",
        Bounds = new CanaryBounds { MinSamples = 20, MaxPsi = null, P95SlackMs = 60_000, MinLabels = minLabels, MaxLabelWaitSeconds = wait },
    };

    private static async Task<RolloutHost.Answer[]> Traffic(RolloutHost host, int count = 160) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => host.PredictAsync(i % 30, customer: $"c{i}", requestId: $"req-{i}")));

    // NOTE: the host logs asynchronously, so feedback for the newest predictions can come before their rows: retried.
    private static async Task Feedback(RolloutHost host, IEnumerable<(string Id, bool Truth)> labels)
    {
        var body = labels.Select(l => new Dictionary<string, object> { ["request_id"] = l.Id, ["label"] = l.Truth ? "true" : "false" }).ToArray();
        for (var attempt = 1; ; attempt++)
        {
            using var response = await host.Http.PostAsJsonAsync("/v1/feedback", body);
            if (response.IsSuccessStatusCode) return;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound && attempt < 50, await response.Content.ReadAsStringAsync());
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Tick_CandidateWrongOnLabelledTraffic_RollsBackOnOutcomesThoughErrorsAndLatencyAreFine()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(minLabels: 30));
        host.Controller.Router.State = host.Controller.State with { Candidate = BadCandidates.Inverted(fixture, host.Controller.Live) };
        var answers = await Traffic(host);
        // NOTE: the truth is what the stable model says, so the inverted candidate is wrong where the stable one is right.
        await Feedback(host, answers.Select(a => (a.RequestId, a.Variant == "canary" ? !a.Label : a.Label)));

        var state = host.Controller.Tick();

        Assert.Equal(RolloutPhase.RolledBack, state.Phase);
        Assert.Contains("significantly below stable", state.Reason, StringComparison.Ordinal);
        Assert.Contains("labelled traffic", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tick_TooFewLabelsAtTheLastStep_HoldsThenRollsBackAfterTheWait()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(minLabels: 30, wait: 30));
        await Traffic(host);

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var held = host.Controller.Tick();
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var withdrawn = host.Controller.Tick();

        Assert.Equal(RolloutPhase.Running, held.Phase);
        Assert.Contains("holding at 50 %: waiting for 30 labelled predictions", held.Reason, StringComparison.Ordinal);
        Assert.Equal(RolloutPhase.RolledBack, withdrawn.Phase);
        Assert.Contains("not judged on outcomes", withdrawn.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tick_CandidateAsGoodOnLateLabels_Promotes()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(minLabels: 30));
        var answers = await Traffic(host);
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var waiting = host.Controller.Tick();
        await Feedback(host, answers.Select(a => (a.RequestId, a.Label)));

        var promoted = host.Controller.Tick();

        Assert.Equal(RolloutPhase.Running, waiting.Phase);
        Assert.Equal(RolloutPhase.Promoted, promoted.Phase);
        Assert.Contains("labelled: accuracy 1.0000 vs stable 1.0000", promoted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OutcomeJudge_SameAccuracyOnFewLabels_IsNotSignificantlyWorse()
    {
        var stable = Enumerable.Range(0, 40).Select(i => (i / 40.0, i % 5 != 0, i % 2 == 0)).ToArray();
        var verdict = OutcomeJudge.Judge(stable, stable, minLabels: 30, alpha: 0.05);

        Assert.True(verdict is { Enough: true, Healthy: true }, verdict.Reason);
    }
}
