using System.Globalization;
using System.Net.Http.Headers;

namespace Pipeline.Monitoring.Hosts;

/// <summary>
/// Reads the serving host's <c>GET /metrics</c>: twice, <see cref="CpuInterval"/> apart, so CPU use per second can be
/// told. Never throws for a host that is down, slow or not a serving host: the reading then carries a note instead.
/// </summary>
/// <param name="http">The client; its <see cref="HttpClient.Timeout"/> bounds each scrape (the Monitor target uses 2 s).</param>
/// <param name="clock">Measures the time between scrapes and waits for it (null = the system clock).</param>
public sealed class HostScraper(HttpClient http, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Time between the two scrapes; zero means one scrape and no CPU utilisation. Default 1 s.</summary>
    public TimeSpan CpuInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads the host at <paramref name="address"/> (an absolute http(s) URI, e.g. <c>http://127.0.0.1:5080</c>).</summary>
    public HostReading Read(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address.TrimEnd('/') + "/metrics", UriKind.Absolute, out var metrics) || metrics.Scheme is not ("http" or "https"))
        {
            return HostReading.Unreachable(address, "not an absolute http(s) address (params.yaml deploy.host)");
        }

        var first = Scrape(metrics);
        if (first.Failure is { } failure) return HostReading.Unreachable(address, failure);
        if (!HostResourcesReader.Recognizes(first.Samples))
        {
            return new HostReading(address, null, $"host at {address} answered /metrics without process or serving metrics; is it the serving host?");
        }

        if (CpuInterval <= TimeSpan.Zero) return new HostReading(address, HostResourcesReader.Read(first.Samples), null);
        Task.Delay(CpuInterval, _clock).GetAwaiter().GetResult();
        var second = Scrape(metrics);
        if (second.Failure is { } late)
        {
            return new HostReading(address, HostResourcesReader.Read(first.Samples), $"CPU utilisation unknown: the second scrape of {address} failed: {late}");
        }

        var seconds = _clock.GetElapsedTime(first.Timestamp, second.Timestamp).TotalSeconds;
        return new HostReading(address, HostResourcesReader.Read(second.Samples, first.Samples, seconds), null);
    }

    private Scraped Scrape(Uri metrics)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, metrics);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
            using var response = http.Send(request, HttpCompletionOption.ResponseContentRead);
            if (!response.IsSuccessStatusCode) return Scraped.Failed($"/metrics answered {(int)response.StatusCode} {response.ReasonPhrase}");
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var samples = PrometheusTextParser.Parse(reader.ReadToEnd());
            return new Scraped(samples, _clock.GetTimestamp(), null);
        }
        catch (HttpRequestException e)
        {
            return Scraped.Failed(e.Message);
        }
        catch (OperationCanceledException)
        {
            return Scraped.Failed(string.Create(CultureInfo.InvariantCulture, $"no answer within {http.Timeout.TotalSeconds:0.###} s"));
        }
        catch (IOException e)
        {
            return Scraped.Failed(e.Message);
        }
    }

    /// <summary>One scrape: the samples and when they arrived, or why there are none.</summary>
    private sealed record Scraped(IReadOnlyList<PrometheusSample> Samples, long Timestamp, string? Failure)
    {
        public static Scraped Failed(string failure) => new([], 0, failure);
    }
}
