using System.Net.Http.Json;
using Pipeline.Monitoring.Hosts;
using Pipeline.Serving.Tests;

namespace Pipeline.Monitoring.Tests.Hosts;

[Collection(ServedModelCollection.Name)]
public sealed class PrometheusTextParserTests(ServingFixture fixture)
{
    [Fact]
    public void Parse_OddText_ReadsWhatItCanAndSkipsTheRest()
    {
        const string text = "# HELP a_total A counter.\n# TYPE a_total counter\n"
            + "a_total{route=\"/v1/models/{name}:predict\",note=\"say \\\"hi\\\"\\nback\\\\slash\",} 3 1700000000000\r\n"
            + "\n   \n"
            + "b_gauge 2.5e3\n"
            + "c_nan NaN\nc_inf{le=\"+Inf\"} +Inf\n"
            + "broken{label=\"unterminated} 1\n"
            + "no_value\n"
            + "not_a_number x\n"
            + "1bad_name 1\n"
            + "spaced { a = \"1\" , b=\"2\" } -4\n";

        var samples = PrometheusTextParser.Parse(text);

        Assert.Equal(["a_total", "b_gauge", "c_nan", "c_inf", "spaced"], samples.Select(s => s.Name));
        Assert.Equal("/v1/models/{name}:predict", samples[0].Label("route"));
        Assert.Equal("say \"hi\"\nback\\slash", samples[0].Label("note"));
        Assert.Equal(3, samples[0].Value);
        Assert.Equal(2500, samples[1].Value);
        Assert.True(double.IsNaN(samples[2].Value));
        Assert.Equal(double.PositiveInfinity, samples[3].Value);
        Assert.Equal("+Inf", samples[3].Label("le"));
        Assert.Equal(-4, samples[4].Value);
        Assert.Equal(["a", "b"], samples[4].Labels.Keys);
        Assert.Equal("", samples[4].Label("missing"));
    }

    [Fact]
    public async Task Parse_RealHostText_ReadsEverySampleLine()
    {
        await using var host = await ServingHostProcess.StartAsync(fixture);
        await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 5.0, hour = 5, country = "de" } } });
        var text = await host.Http.GetStringAsync("/metrics");

        var samples = PrometheusTextParser.Parse(text);

        var sampleLines = text.Split('\n').Count(l => l.Length > 0 && l[0] != '#');
        Assert.Equal(sampleLines, samples.Count);
        var predicted = Assert.Single(samples, s => s.Name == "serving_requests_total" && s.Label("status") == "200");
        Assert.Equal("/v1/models/{name}:predict", predicted.Label("route"));
        Assert.Equal("v0.0.1", predicted.Label("model_version"));
        Assert.Equal("stable", predicted.Label("variant"));
        Assert.Equal(1, predicted.Value);
        Assert.Contains(samples, s => s.Name == "serving_request_duration_seconds_bucket" && s.Label("le") == "+Inf" && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "dotnet_gc_collections_total" && s.Label("generation") == "gen0");
        Assert.Contains(samples, s => s.Name == "process_cpu_seconds_total" && s.Labels.Count == 0 && s.Value > 0);
    }
}
