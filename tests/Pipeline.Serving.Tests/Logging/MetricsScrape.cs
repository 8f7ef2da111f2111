using System.Globalization;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>Reads one sample from a host's Prometheus <c>/metrics</c> text.</summary>
internal static class MetricsScrape
{
    /// <summary>The value of the unlabelled sample <paramref name="name"/>; fails the test when the sample is missing.</summary>
    public static async Task<long> ReadAsync(HttpClient http, string name) => (long)Value(await http.GetStringAsync("/metrics"), name);

    /// <summary>
    /// The value of the sample written as <paramref name="series"/> (name and labels as exposed, e.g.
    /// <c>a_total{b="c"}</c>; an unlabelled one matches <c>a_total value</c> and <c>a_total{} value</c>, the form
    /// OpenTelemetry's exporter writes); an optional timestamp after the value is ignored.
    /// </summary>
    public static double Value(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal) || l.StartsWith(series + "{} ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"/metrics has no sample '{series}':\n{text}");
        return double.Parse(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
