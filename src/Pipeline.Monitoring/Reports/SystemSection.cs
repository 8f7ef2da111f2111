using Pipeline.Monitoring.Hosts;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// Serving-side numbers: latency percentiles and throughput from the log, and the host's process and request figures
/// from its <c>/metrics</c> endpoint when it was read.
/// </summary>
/// <param name="Predictions">Predictions in the window.</param>
/// <param name="LatencyP50">Median latency in ms (null when empty).</param>
/// <param name="LatencyP95">95th percentile latency in ms.</param>
/// <param name="LatencyP99">99th percentile latency in ms.</param>
/// <param name="LatencyMax">Largest latency in ms.</param>
/// <param name="ThroughputPerSecond">Predictions per second between the first and last prediction (null for fewer than two or no elapsed time).</param>
/// <param name="ErrorRate">
/// Server errors / requests since the hosts started, summed over every host that answered its /metrics (the log holds
/// only answered predictions); null when no host was read or none had requests.
/// </param>
public sealed record SystemSection(
    int Predictions, double? LatencyP50, double? LatencyP95, double? LatencyP99, double? LatencyMax, double? ThroughputPerSecond, double? ErrorRate)
{
    /// <summary>What the first host's <c>/metrics</c> said, or why it said nothing; null when the run did not ask a host. The first of <see cref="Hosts"/>.</summary>
    public HostReading? Host { get; init; }

    /// <summary>Every serving host the run asked (params.yaml <c>deploy.host</c>, in its order), each with its figures or why there are none.</summary>
    public IReadOnlyList<HostReading> Hosts { get; init; } = [];
}
