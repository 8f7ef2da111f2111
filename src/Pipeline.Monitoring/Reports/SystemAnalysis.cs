using Pipeline.Monitoring.Hosts;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Reports;

/// <summary>Latency percentiles (numpy 'linear') and throughput of the window, with the host's figures when read.</summary>
internal static class SystemAnalysis
{
    /// <summary>The system section of the window; the error rate is summed over the <paramref name="hosts"/> that answered.</summary>
    public static SystemSection Compute(PredictionWindow window, IReadOnlyList<HostReading>? hosts = null)
    {
        hosts ??= [];
        var answered = hosts.Select(h => h.Resources).OfType<HostResources>().ToList();
        var requests = answered.Sum(r => r.Requests);
        double? errorRate = requests == 0 ? null : (double)answered.Sum(r => r.Errors) / requests;
        return FromLog(window) with { ErrorRate = errorRate, Host = hosts.Count > 0 ? hosts[0] : null, Hosts = hosts };
    }

    private static SystemSection FromLog(PredictionWindow window)
    {
        var predictions = window.Predictions;
        if (predictions.Count == 0) return new SystemSection(0, null, null, null, null, null, null);
        var latencies = predictions.Select(p => p.LatencyMs).Order().ToArray();
        var seconds = (predictions[^1].Time - predictions[0].Time).TotalSeconds;

        // NOTE: n predictions span n - 1 gaps; the rate between the first and last arrival is (n - 1) / elapsed.
        double? throughput = predictions.Count > 1 && seconds > 0 ? (predictions.Count - 1) / seconds : null;
        return new SystemSection(
            predictions.Count, Quantile.Linear(latencies, 0.5), Quantile.Linear(latencies, 0.95), Quantile.Linear(latencies, 0.99),
            latencies[^1], throughput, null);
    }
}
