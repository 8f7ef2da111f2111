using Pipeline.Monitoring.Hosts;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Reports;

/// <summary>Latency percentiles (numpy 'linear') and throughput of the window, with the host's figures when read.</summary>
internal static class SystemAnalysis
{
    /// <summary>The system section of the window; the error rate comes from <paramref name="host"/> when it answered.</summary>
    public static SystemSection Compute(PredictionWindow window, HostReading? host = null) =>
        FromLog(window) with { ErrorRate = host?.Resources?.ErrorRate, Host = host };

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
