namespace Pipeline.Monitoring.Hosts;

/// <summary>
/// The serving host's process and request figures read from its <c>/metrics</c> endpoint. Counters are cumulative since
/// the host started, not limited to the report's window; a figure the host did not expose is null.
/// </summary>
public sealed record HostResources
{
    /// <summary>User and system CPU time of the host process (<c>process_cpu_seconds_total</c>), from the last scrape.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>
    /// CPU seconds used per wall-clock second between two scrapes (1.0 = one core busy); null from a single scrape.
    /// </summary>
    public double? CpuCoresUsed { get; init; }

    /// <summary>Wall-clock seconds between the two scrapes <see cref="CpuCoresUsed"/> comes from (null from a single scrape).</summary>
    public double? CpuIntervalSeconds { get; init; }

    /// <summary>Resident memory in bytes (<c>process_resident_memory_bytes</c>).</summary>
    public double? ResidentMemoryBytes { get; init; }

    /// <summary>Bytes on the managed heap (<c>dotnet_gc_heap_size_bytes</c>).</summary>
    public double? ManagedHeapBytes { get; init; }

    /// <summary>GC collections by generation (<c>gen0</c>, <c>gen1</c>, ...), ordered by generation name.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> GcCollections { get; init; }

    /// <summary>Requests being served at the last scrape (<c>serving_requests_in_flight</c>), not counting that scrape.</summary>
    public double? RequestsInFlight { get; init; }

    /// <summary>Requests by model version and variant, ordered by version then variant (ordinal).</summary>
    public required IReadOnlyList<HostTraffic> Traffic { get; init; }

    /// <summary>All requests except <c>/metrics</c> scrapes.</summary>
    public long Requests => Traffic.Sum(t => t.Requests);

    /// <summary>All server errors.</summary>
    public long Errors => Traffic.Sum(t => t.Errors);

    /// <summary>All client errors.</summary>
    public long ClientErrors => Traffic.Sum(t => t.ClientErrors);

    /// <summary>Server errors / requests since the host started (null without requests).</summary>
    public double? ErrorRate => Requests == 0 ? null : (double)Errors / Requests;
}
