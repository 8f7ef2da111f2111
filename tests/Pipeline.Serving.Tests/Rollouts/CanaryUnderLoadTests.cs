using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>A canary that advances step by step and promotes while clients keep predicting concurrently: no request fails.</summary>
[Collection(ServingCollection.Name)]
public sealed class CanaryUnderLoadTests(ServingFixture fixture)
{
    private const int Callers = 8;
    private const int MaxRequestsPerCaller = 500;
    private const int RequestsAfterPromotion = 10;

    [Fact]
    public async Task Canary_AdvancesAndPromotesUnderConcurrentLoad_ZeroFailedRequests()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        // NOTE: generous latency and no score-shift bound: this test is about requests during the steps and the swap, not
        // the judging (CanaryTests covers it); a PSI of two seeds' scores over 20 samples is noise.
        await host.Admin.StartRolloutAsync(new RolloutRequest
        {
            Strategy = "canary", Version = "v0.0.2", Steps = [10, 50, 100], HoldSeconds = 60, EntityKey = "customer-id",
            Bounds = new CanaryBounds { MinSamples = 20, P95SlackMs = 60_000, MaxPsi = null },
        });
        var answers = new ConcurrentBag<(int Status, string? Version, string? Variant, string Phase)>();
        var promoted = new CancellationTokenSource();

        var callers = Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            var after = 0;
            for (var n = 0; n < MaxRequestsPerCaller && after < RequestsAfterPromotion; n++)
            {
                var phase = promoted.IsCancellationRequested ? "after" : "during";
                var (status, version, variant) = await PredictAsync(host.Http, c, n);
                answers.Add((status, version, variant, phase));
                after += phase == "after" ? 1 : 0;
            }
        })).ToArray();

        var steps = new List<int>();
        var state = host.Controller.State;
        while (state.Phase == RolloutPhase.Running && !callers.All(c => c.IsCompleted))
        {
            host.Clock.Advance(TimeSpan.FromSeconds(61));
            state = host.Controller.Tick();
            var percent = state.Phase == RolloutPhase.Promoted ? 100 : state.Percent;
            if (steps.Count == 0 || steps[^1] != percent) steps.Add(percent);
            await Task.Delay(5);
        }

        await promoted.CancelAsync();
        await Task.WhenAll(callers);

        Assert.True(state.Phase == RolloutPhase.Promoted, $"{state.Phase}: {state.Reason}");
        Assert.Equal([10, 50, 100], steps);
        Assert.DoesNotContain(answers, a => a.Status != 200);
        Assert.Contains(answers, a => a is { Phase: "during", Variant: "canary", Version: "v0.0.2" });
        Assert.Contains(answers, a => a is { Phase: "during", Variant: "stable", Version: "v0.0.1" });
        Assert.All(answers.Where(a => a.Phase == "after"), a => Assert.Equal(("v0.0.2", "stable"), (a.Version, a.Variant)));
    }

    private static async Task<(int Status, string? Version, string? Variant)> PredictAsync(HttpClient http, int caller, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { new { amount = (n * 37 % 200) + 0.5, hour = n % 24, country = new[] { "de", "fr", "us" }[n % 3] } } }),
        };
        request.Headers.Add("customer-id", $"c{caller}-{n}");
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode, null, null);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (200, json.RootElement.GetProperty("model_version").GetString(), json.RootElement.GetProperty("variant").GetString());
    }
}
