using System.Globalization;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>Reads one unlabelled sample from a host's Prometheus <c>/metrics</c> text.</summary>
internal static class MetricsScrape
{
    /// <summary>The value of <paramref name="name"/>; fails the test when the sample is missing.</summary>
    public static async Task<long> ReadAsync(HttpClient http, string name)
    {
        var text = await http.GetStringAsync("/metrics");
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"/metrics has no sample '{name}'.");
        return (long)double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
