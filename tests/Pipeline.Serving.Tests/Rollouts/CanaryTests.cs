using System.Net.Http.Json;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

[Collection(ServingCollection.Name)]
public sealed class CanaryTests(ServingFixture fixture)
{
    private static RolloutRequest Canary(params int[] steps) => new()
    {
        Strategy = "canary", Version = "v0.0.2", Steps = steps, HoldSeconds = 60, EntityKey = "customer-id", Bounds = new CanaryBounds { MinSamples = 20 },
    };

    [Fact]
    public async Task Canary_ManyCustomers_WeightApproximatelyHonouredAndSticky()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(25, 100));

        var answers = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => host.PredictAsync(i, customer: $"c{i}")));
        var repeat = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.PredictAsync(i, customer: "c7")));

        var share = answers.Count(a => a.Variant == "canary") / 400.0;
        Assert.InRange(share, 0.15, 0.35);
        Assert.All(answers.Where(a => a.Variant == "canary"), a => Assert.Equal("v0.0.2", a.Version));
        Assert.Single(repeat.Select(a => a.Variant).Distinct());
        Assert.Equal(answers[7].Variant, repeat[0].Variant);
    }

    [Fact]
    public async Task Tick_HealthyCanaryAfterHold_AdvancesThenPromotes()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(50, 100));
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => host.PredictAsync(i % 30, customer: $"c{i}")));

        var early = host.Controller.Tick();
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var promoted = host.Controller.Tick();

        Assert.Equal(RolloutPhase.Running, early.Phase);
        Assert.Equal(RolloutPhase.Promoted, promoted.Phase);
        Assert.Contains("automatic promotion", promoted.Reason, StringComparison.Ordinal);
        var after = await host.PredictAsync(1, customer: "c1");
        Assert.Equal(("v0.0.2", "stable"), (after.Version, after.Variant));
        Assert.Equal("v0.0.1", promoted.Previous!.Version.ToString());
        Assert.Equal("v0.0.2", ProductionPointer(host));
    }

    private static string? ProductionPointer(RolloutHost host) =>
        Path.GetFileName(RegistryFolder.Production(host.Options.RegistryPath, ServingFixture.Model));

    [Fact]
    public async Task Tick_CanaryScoresShift_RollsBackAutomatically()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        // NOTE: a generous latency bound, so a cold candidate on a loaded machine cannot roll back for latency first.
        RegistryFolder.Promote(host.Options.RegistryPath, ServingFixture.Model, ModelVersion.Parse("v0.0.2"));  // as Deploy does
        await host.Admin.StartRolloutAsync(Canary(50, 100) with { Bounds = new CanaryBounds { MinSamples = 20, P95SlackMs = 60_000 } });
        host.Controller.Router.State = host.Controller.State with { Candidate = BadCandidates.Inverted(fixture, host.Controller.Live) };
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => host.PredictAsync(i % 30, customer: $"c{i}")));

        var state = host.Controller.Tick();

        Assert.Equal(RolloutPhase.RolledBack, state.Phase);
        Assert.Contains("PSI", state.Reason, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", ProductionPointer(host));
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.PredictAsync(i, customer: $"c{i}")));
        Assert.All(answers, a => Assert.Equal(("v0.0.1", "stable"), (a.Version, a.Variant)));
    }

    [Fact]
    public async Task Tick_CanaryThrows_ClientsStillAnsweredAndCanaryRolledBack()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(50, 100));
        host.Controller.Router.State = host.Controller.State with { Candidate = BadCandidates.Failing(fixture, host.Controller.Live) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => host.PredictAsync(i % 30, customer: $"c{i}")));
        var state = host.Controller.Tick();

        Assert.All(answers, a => Assert.Equal("stable", a.Variant));
        Assert.Equal(RolloutPhase.RolledBack, state.Phase);
        Assert.Contains("error rate", state.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickAsync_CanaryWrongOnEveryLabelledPrediction_RolledBackByTheLabelledComparison()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(50, 100) with { MaxLabelWaitSeconds = 600, MinSamples = 30, Bounds = new CanaryBounds { MinSamples = 20, MaxPsi = null, P95SlackMs = 60_000 } });
        var answers = await Task.WhenAll(Enumerable.Range(0, 160).Select(i => host.PredictAsync(i % 30, customer: $"c{i}", requestId: $"canary-{i}")));
        var before = await host.Controller.TickAsync(host.Log.Store, CancellationToken.None);
        await host.Log.FlushAsync(CancellationToken.None);

        // NOTE: synthetic ground truth arriving after the predictions: the stable model is always right, the canary never.
        var feedback = answers.Select(a => new { request_id = a.RequestId, label = a.Variant == "stable" ? a.Label : !a.Label }).ToArray();
        (await host.Http.PostAsJsonAsync("/v1/feedback", feedback)).EnsureSuccessStatusCode();
        var state = await host.Controller.TickAsync(host.Log.Store, CancellationToken.None);

        Assert.Equal(RolloutPhase.Running, before.Phase);
        Assert.Equal(RolloutPhase.RolledBack, state.Phase);
        Assert.Contains("canary significantly worse on labelled traffic: accuracy 0.0000 vs stable 1.0000", state.Reason, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", ProductionPointer(host));
    }

    [Fact]
    public async Task TickAsync_NoLabels_HoldsBeforeFullTrafficUntilTheLabelWaitThenPromotesSayingSo()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(Canary(50, 100) with { MaxLabelWaitSeconds = 600, MinSamples = 30 });
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => host.PredictAsync(i % 30, customer: $"c{i}")));

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        var held = await host.Controller.TickAsync(host.Log.Store, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromSeconds(540));
        var promoted = await host.Controller.TickAsync(host.Log.Store, CancellationToken.None);

        Assert.Equal(RolloutPhase.Running, held.Phase);
        Assert.Equal(50, held.Percent);
        Assert.StartsWith("holding at 50 % for labelled feedback (61 of 600 s): labelled predictions: stable 0, canary 0", held.Reason, StringComparison.Ordinal);
        Assert.Equal(RolloutPhase.Promoted, promoted.Phase);
        Assert.Contains("WITHOUT a labelled comparison", promoted.Reason, StringComparison.Ordinal);
    }
}
