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
}
