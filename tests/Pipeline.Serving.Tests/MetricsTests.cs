using System.Net.Http.Json;
using Pipeline.Serving.Tests.Logging;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class MetricsTests(ServingFixture fixture)
{
    // NOTE: OpenTelemetry's Prometheus exporter writes a series' labels in name order (the hand-written exposition
    // wrote route, status, model_version, variant); names and values are unchanged, and Monitor's parser reads labels
    // by name. An unlabelled sample is written with empty braces (serving_requests_in_flight{} 1), which the
    // Prometheus text format allows.
    private const string Predict = "route=\"/v1/models/{name}:predict\"";

    [Fact]
    public async Task Metrics_AfterPredictions_PrometheusTextWithCountersAndProcessMetrics()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0, hour = 5, country = "de" } } });
        await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0 } } });

        var response = await host.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, MetricsScrape.Value(text, $"serving_requests_total{{model_version=\"v0.0.1\",{Predict},status=\"200\",variant=\"stable\"}}"));
        Assert.Equal(1, MetricsScrape.Value(text, $"serving_requests_total{{model_version=\"\",{Predict},status=\"400\",variant=\"\"}}"));
        Assert.Equal(1, MetricsScrape.Value(text, $"serving_request_duration_seconds_bucket{{model_version=\"v0.0.1\",{Predict},variant=\"stable\",le=\"+Inf\"}}"));
        Assert.Equal(1, MetricsScrape.Value(text, $"serving_request_duration_seconds_bucket{{model_version=\"v0.0.1\",{Predict},variant=\"stable\",le=\"5\"}}"));
        Assert.Equal(0, MetricsScrape.Value(text, "serving_prediction_log_dropped_total"));
        Assert.Equal(1, MetricsScrape.Value(text, "serving_requests_in_flight"));
        Assert.True(MetricsScrape.Value(text, "process_cpu_seconds_total") > 0, text);
        Assert.True(MetricsScrape.Value(text, "process_resident_memory_bytes") > 0, text);
        Assert.InRange(MetricsScrape.Value(text, "serving_prediction_log_queue_depth"), 0, 1);
        Assert.Equal(65536, MetricsScrape.Value(text, "serving_prediction_log_queue_capacity"));
        foreach (var name in new[] { "dotnet_gc_collections_total{generation=\"gen0\"} ", "# TYPE serving_requests_total counter", "# TYPE serving_request_duration_seconds histogram" })
        {
            Assert.True(text.Contains(name, StringComparison.Ordinal), $"'{name}' is not in:\n{text}");
        }
    }

    [Fact]
    public async Task Metrics_TwoHostsInOneProcess_EachCountsOnlyItsOwnRequests()
    {
        await using var first = await RunningHost.StartAsync(fixture);
        await using var second = await RunningHost.StartAsync(fixture);
        await first.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0, hour = 5, country = "de" } } });

        var firstText = await first.Http.GetStringAsync("/metrics");
        var secondText = await second.Http.GetStringAsync("/metrics");

        Assert.Equal(1, MetricsScrape.Value(firstText, $"serving_requests_total{{model_version=\"v0.0.1\",{Predict},status=\"200\",variant=\"stable\"}}"));
        Assert.DoesNotContain(secondText.Split('\n'), l => l.StartsWith("serving_requests_total", StringComparison.Ordinal) && l.Contains(Predict, StringComparison.Ordinal));
        Assert.Equal(65536, MetricsScrape.Value(secondText, "serving_prediction_log_queue_capacity"));
    }
}
