using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Pipeline.Serving.Metrics;

/// <summary>
/// The host's request metrics: counts by route, status, model version and variant, latency histograms by route,
/// version and variant, and requests in flight. Lock-free on the request path.
/// </summary>
internal sealed class ServingMetrics
{
    private long inFlight;

    /// <summary>Request counts keyed by (route, status, version, variant).</summary>
    public ConcurrentDictionary<(string Route, string Status, string Version, string Variant), StrongBox<long>> Requests { get; } = new();

    /// <summary>Latency histograms keyed by (route, version, variant).</summary>
    public ConcurrentDictionary<(string Route, string Version, string Variant), LatencyHistogram> Latency { get; } = new();

    /// <summary>Requests being served now.</summary>
    public long InFlight => Interlocked.Read(ref inFlight);

    /// <summary>Marks a request started.</summary>
    public void Started() => Interlocked.Increment(ref inFlight);

    /// <summary>Marks a request finished and records it.</summary>
    public void Finished(string route, string status, string version, string variant, double seconds)
    {
        Interlocked.Decrement(ref inFlight);
        Interlocked.Increment(ref Requests.GetOrAdd((route, status, version, variant), _ => new StrongBox<long>()).Value);
        Latency.GetOrAdd((route, version, variant), _ => new LatencyHistogram()).Observe(seconds);
    }
}
