using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class SwapTests(ServingFixture fixture)
{
    [Fact]
    public async Task Swap_UnderConcurrentLoad_NoRequestFailsAndBothVersionsAnswer()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var service = host.App.Services.GetRequiredService<PredictionService>();
        var blue = service.Live!.As("blue");
        var green = ModelLoader.Load(fixture.VersionFolder("v0.0.2"), ServingFixture.Model, "green");
        service.Swap(blue);
        var failures = new ConcurrentBag<string>();
        var seen = new ConcurrentDictionary<string, int>();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                if (worker == 0 && i % 20 == 0)
                {
                    service.Swap(i % 40 == 0 ? green : blue);
                }

                var response = await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 10.0 + i, hour = worker, country = "fr" } } });
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var answer = $"{json.RootElement.GetProperty("model_version").GetString()}/{json.RootElement.GetProperty("variant").GetString()}";
                seen.AddOrUpdate(answer, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.Equal(800, seen.Values.Sum());
        Assert.Subset(new HashSet<string> { "v0.0.1/blue", "v0.0.2/green" }, seen.Keys.ToHashSet());
        Assert.Equal(2, seen.Count);
    }
}
