namespace Pipeline.Monitoring.Reports;

/// <summary>Serving-side numbers from the log: latency percentiles and throughput.</summary>
/// <param name="Predictions">Predictions in the window.</param>
/// <param name="LatencyP50">Median latency in ms (null when empty).</param>
/// <param name="LatencyP95">95th percentile latency in ms.</param>
/// <param name="LatencyP99">99th percentile latency in ms.</param>
/// <param name="LatencyMax">Largest latency in ms.</param>
/// <param name="ThroughputPerSecond">Predictions per second between the first and last prediction (null for fewer than two or no elapsed time).</param>
/// <param name="ErrorRate">
/// Failed requests / requests; null here because the log holds only answered predictions (the host's /metrics counts errors).
/// </param>
public sealed record SystemSection(
    int Predictions, double? LatencyP50, double? LatencyP95, double? LatencyP99, double? LatencyMax, double? ThroughputPerSecond, double? ErrorRate);
