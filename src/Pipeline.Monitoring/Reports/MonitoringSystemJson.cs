using System.Text.Json;
using Pipeline.Monitoring.Hosts;

namespace Pipeline.Monitoring.Reports;

/// <summary>The <c>system</c> object of reports/monitoring.json: the log's latency and throughput, and the host's figures.</summary>
internal static class MonitoringSystemJson
{
    /// <summary>
    /// Writes <c>"system": {...}</c>: <c>hosts</c> holds every serving host asked (deploy.host order; empty when none was),
    /// and <c>host</c> the first of them (null when none was asked), as before there were several; every figure of a
    /// host that did not answer is null.
    /// </summary>
    public static void Write(Utf8JsonWriter json, SystemSection system)
    {
        json.WriteStartObject("system");
        json.WriteNumber("predictions", system.Predictions);
        json.WriteStartObject("latency_ms");
        JsonNumber(json, "p50", system.LatencyP50);
        JsonNumber(json, "p95", system.LatencyP95);
        JsonNumber(json, "p99", system.LatencyP99);
        JsonNumber(json, "max", system.LatencyMax);
        json.WriteEndObject();
        JsonNumber(json, "throughput_per_second", system.ThroughputPerSecond);
        JsonNumber(json, "error_rate", system.ErrorRate);
        if (system.Host is { } host)
        {
            json.WritePropertyName("host");
            WriteHost(json, host);
        }
        else
        {
            json.WriteNull("host");
        }

        json.WriteStartArray("hosts");
        foreach (var each in system.Hosts) WriteHost(json, each);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHost(Utf8JsonWriter json, HostReading host)
    {
        var r = host.Resources;
        json.WriteStartObject();
        json.WriteString("address", host.Address);
        json.WriteBoolean("reachable", host.Reachable);
        json.WriteString("note", host.Note);
        JsonNumber(json, "cpu_seconds", r?.CpuSeconds);
        JsonNumber(json, "cpu_cores_used", r?.CpuCoresUsed);
        JsonNumber(json, "cpu_interval_seconds", r?.CpuIntervalSeconds);
        JsonNumber(json, "resident_memory_bytes", r?.ResidentMemoryBytes);
        JsonNumber(json, "managed_heap_bytes", r?.ManagedHeapBytes);
        if (r is null)
        {
            json.WriteNull("gc_collections");
        }
        else
        {
            json.WriteStartObject("gc_collections");
            foreach (var (generation, count) in r.GcCollections) json.WriteNumber(generation, count);
            json.WriteEndObject();
        }

        JsonNumber(json, "requests_in_flight", r?.RequestsInFlight);
        JsonNumber(json, "requests", r?.Requests);
        JsonNumber(json, "errors", r?.Errors);
        JsonNumber(json, "client_errors", r?.ClientErrors);
        JsonNumber(json, "error_rate", r?.ErrorRate);
        WriteTraffic(json, r?.Traffic);
        json.WriteEndObject();
    }

    private static void WriteTraffic(Utf8JsonWriter json, IReadOnlyList<HostTraffic>? traffic)
    {
        if (traffic is null)
        {
            json.WriteNull("by_model");
            return;
        }

        json.WriteStartArray("by_model");
        foreach (var t in traffic)
        {
            json.WriteStartObject();
            // NOTE: "" in the metrics means no model answered (rejected input, health checks); null says that in JSON.
            json.WriteString("model_version", t.ModelVersion.Length == 0 ? null : t.ModelVersion);
            json.WriteString("variant", t.Variant.Length == 0 ? null : t.Variant);
            json.WriteNumber("requests", t.Requests);
            json.WriteNumber("errors", t.Errors);
            json.WriteNumber("client_errors", t.ClientErrors);
            JsonNumber(json, "error_rate", t.ErrorRate);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void JsonNumber(Utf8JsonWriter json, string name, double? value) => MonitoringReportJson.Number(json, name, value);
}
