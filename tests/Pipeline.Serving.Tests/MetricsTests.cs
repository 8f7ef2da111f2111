using System.Net.Http.Json;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class MetricsTests(ServingFixture fixture)
{
    [Fact]
    public async Task Metrics_AfterPredictions_PrometheusTextWithCountersAndProcessMetrics()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0, hour = 5, country = "de" } } });
        await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0 } } });

        var response = await host.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("serving_requests_total{route=\"/v1/models/{name}:predict\",status=\"200\",model_version=\"v0.0.1\",variant=\"stable\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("serving_requests_total{route=\"/v1/models/{name}:predict\",status=\"400\",model_version=\"\",variant=\"\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("serving_request_duration_seconds_bucket{route=\"/v1/models/{name}:predict\",model_version=\"v0.0.1\",variant=\"stable\",le=\"+Inf\"} 1\n", text, StringComparison.Ordinal);
        foreach (var name in new[] { "serving_prediction_log_queue_depth ", "serving_prediction_log_dropped_total 0", "process_cpu_seconds_total ", "process_resident_memory_bytes ", "dotnet_gc_collections_total{generation=\"gen0\"}", "serving_requests_in_flight " })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }
}
