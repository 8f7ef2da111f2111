using System.Collections.Concurrent;
using System.Text.Json;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

[Collection(ServingCollection.Name)]
public sealed class BlueGreenTests(ServingFixture fixture)
{
    private static readonly JsonElement[] SmokeRows = [JsonSerializer.SerializeToElement(new { amount = 12.5, hour = 3, country = "us" })];

    [Fact]
    public async Task BlueGreen_SwitchThenRollback_AllTrafficMovesAtOnceAndBack()
    {
        await using var host = await RolloutHost.StartAsync(fixture);

        var state = await host.Admin.StartRolloutAsync(new RolloutRequest { Strategy = "blue-green", Version = "v0.0.2", SmokeRows = SmokeRows });
        var after = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.PredictAsync(i)));
        await host.Admin.RollbackAsync();
        var back = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => host.PredictAsync(i)));

        Assert.Equal("promoted", state.GetProperty("phase").GetString());
        Assert.Equal("v0.0.1", state.GetProperty("previous").GetProperty("version").GetString());
        Assert.All(after, a => Assert.Equal(("v0.0.2", "green"), (a.Version, a.Variant)));
        Assert.All(back, a => Assert.Equal(("v0.0.1", "stable"), (a.Version, a.Variant)));
    }

    [Fact]
    public async Task BlueGreen_SmokeRowMissingFeature_RejectedAndLiveUnchanged()
    {
        await using var host = await RolloutHost.StartAsync(fixture);

        var error = await Assert.ThrowsAsync<Pipeline.Serving.Admin.AdminException>(() => host.Admin.StartRolloutAsync(new RolloutRequest
        {
            Strategy = "blue-green", Version = "v0.0.2", SmokeRows = [JsonSerializer.SerializeToElement(new { amount = 1.0, hour = 2 })],
        }));

        Assert.Contains("country", error.Message, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", (await host.PredictAsync(1)).Version);
    }

    [Fact]
    public async Task Rollback_UnderConcurrentLoad_NoRequestFails()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(new RolloutRequest { Strategy = "blue-green", Version = "v0.0.2" });
        var failures = new ConcurrentBag<string>();
        var versions = new ConcurrentDictionary<string, int>();
        using var halfway = new SemaphoreSlim(0);
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (i == 50)
                {
                    halfway.Release();
                }

                try
                {
                    var answer = await host.PredictAsync((worker * 100) + i);
                    versions.AddOrUpdate(answer.Version, 1, (_, n) => n + 1);
                }
                catch (Exception e) when (e is HttpRequestException or Xunit.Sdk.XunitException)
                {
                    failures.Add(e.Message);
                }
            }
        })).ToArray();
        await halfway.WaitAsync();
        await host.Admin.RollbackAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.Equal(400, versions.Values.Sum());
        Assert.Contains("v0.0.1", versions.Keys);
        Assert.Equal("v0.0.1", (await host.PredictAsync(7)).Version);
    }
}
