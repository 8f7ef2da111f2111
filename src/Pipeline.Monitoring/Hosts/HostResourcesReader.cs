namespace Pipeline.Monitoring.Hosts;

/// <summary>Turns parsed <c>/metrics</c> samples of the serving host (names as the serving host's OpenTelemetry Prometheus exporter writes them: see Pipeline.Serving's ServingMetrics) into <see cref="HostResources"/>.</summary>
internal static class HostResourcesReader
{
    /// <summary>The CPU counter; also what marks a scrape as a process's metrics.</summary>
    public const string CpuSeconds = "process_cpu_seconds_total";

    /// <summary>The request counter, labelled route, status, model_version, variant.</summary>
    public const string RequestsTotal = "serving_requests_total";

    // NOTE: the monitor's own scrapes are requests too; leaving them out keeps the counts equal to the traffic sent.
    private const string MetricsRoute = "/metrics";

    // NOTE: the gRPC codes that mean the server failed (as in gRPC's status code guide); the rest are the caller's fault.
    private static readonly HashSet<string> GrpcServerErrors = ["grpc_2", "grpc_4", "grpc_8", "grpc_13", "grpc_14", "grpc_15"];

    /// <summary>Whether a scrape holds any of the figures this reader knows.</summary>
    public static bool Recognizes(IReadOnlyList<PrometheusSample> samples) =>
        samples.Any(s => s.Name is CpuSeconds or RequestsTotal or "process_resident_memory_bytes" or "dotnet_gc_heap_size_bytes");

    /// <summary>
    /// The figures of <paramref name="last"/>; with an <paramref name="earlier"/> scrape taken <paramref name="intervalSeconds"/>
    /// before it, also the CPU used per second between the two.
    /// </summary>
    public static HostResources Read(IReadOnlyList<PrometheusSample> last, IReadOnlyList<PrometheusSample>? earlier = null, double? intervalSeconds = null)
    {
        var cpu = Single(last, CpuSeconds);
        double? coresUsed = null;
        if (earlier is not null && intervalSeconds is > 0 && cpu is { } now && Single(earlier, CpuSeconds) is { } before && now >= before)
        {
            coresUsed = (now - before) / intervalSeconds.Value;
        }

        return new HostResources
        {
            CpuSeconds = cpu,
            CpuCoresUsed = coresUsed,
            CpuIntervalSeconds = coresUsed is null ? null : intervalSeconds,
            ResidentMemoryBytes = Single(last, "process_resident_memory_bytes"),
            ManagedHeapBytes = Single(last, "dotnet_gc_heap_size_bytes"),
            GcCollections = last.Where(s => s.Name == "dotnet_gc_collections_total" && s.Label("generation").Length > 0 && double.IsFinite(s.Value))
                .GroupBy(s => s.Label("generation"), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (long)g.Sum(s => s.Value)))
                .ToArray(),
            // NOTE: the host counts the scrape that reads the gauge as in flight; leaving it out reports the traffic.
            RequestsInFlight = Single(last, "serving_requests_in_flight") is { } inFlight ? Math.Max(0, inFlight - 1) : null,
            Traffic = Traffic(last),
        };
    }

    private static HostTraffic[] Traffic(IReadOnlyList<PrometheusSample> samples) => samples
        .Where(s => s.Name == RequestsTotal && s.Label("route") != MetricsRoute && double.IsFinite(s.Value) && s.Value >= 0)
        .GroupBy(s => (Version: s.Label("model_version"), Variant: s.Label("variant")))
        .OrderBy(g => g.Key.Version, StringComparer.Ordinal).ThenBy(g => g.Key.Variant, StringComparer.Ordinal)
        .Select(g => new HostTraffic(
            g.Key.Version, g.Key.Variant,
            Count(g),
            Count(g.Where(s => IsServerError(s.Label("status")))),
            Count(g.Where(s => IsClientError(s.Label("status"))))))
        .ToArray();

    private static long Count(IEnumerable<PrometheusSample> samples) => (long)samples.Sum(s => s.Value);

    private static bool IsServerError(string status) => status.Length == 3 && status[0] == '5' || GrpcServerErrors.Contains(status);

    private static bool IsClientError(string status) =>
        status.Length == 3 && status[0] == '4' || status.StartsWith("grpc_", StringComparison.Ordinal) && status != "grpc_0" && !GrpcServerErrors.Contains(status);

    private static double? Single(IReadOnlyList<PrometheusSample> samples, string name)
    {
        // NOTE: the last sample wins, as when Prometheus reads a duplicated series; NaN counts as absent.
        var sample = samples.LastOrDefault(s => s.Name == name && s.Labels.Count == 0);
        return sample is not null && double.IsFinite(sample.Value) ? sample.Value : null;
    }
}
