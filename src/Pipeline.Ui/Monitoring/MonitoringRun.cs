using System.Globalization;
using System.Text.Json;

namespace Pipeline.Ui.Monitoring;

/// <summary>One feature's drift in one run: the score charted (the effect size, else the test statistic), its measure, and the verdict.</summary>
internal sealed record FeatureDrift(double? Score, string Measure, bool Drift);

/// <summary>One serving host's figures in one run: its address, why there are none (or null), CPU cores used, resident memory.</summary>
internal sealed record HostFigures(string Address, string? Note, double? CpuCores, double? MemoryBytes, double? RequestsInFlight);

/// <summary>
/// What the Monitoring page shows of one Monitor run (a line of reports/monitoring-history.jsonl, or
/// reports/monitoring.json): its window's end, verdict, drift per feature, performance measured on labelled traffic
/// and estimated (CBPE) on the rest, and every serving host's system figures (<c>system.hosts</c>; a report written
/// before Monitor read several hosts has its one <c>system.host</c>).
/// </summary>
internal sealed record MonitoringRun(
    DateTimeOffset? To,
    string Verdict,
    IReadOnlyDictionary<string, FeatureDrift> Drift,
    double? MeasuredAccuracy,
    double? MeasuredAuc,
    double? EstimatedAccuracy,
    double? BaselineAccuracy,
    double? BaselineAuc,
    double? LatencyP95Ms,
    double? ThroughputPerSecond,
    double? ErrorRate,
    IReadOnlyList<HostFigures> Hosts)
{
    /// <summary>Reads a monitoring report's JSON; throws <see cref="JsonException"/>, <see cref="KeyNotFoundException"/> or <see cref="InvalidOperationException"/> when it is not one.</summary>
    public static MonitoringRun Parse(JsonElement root)
    {
        var window = Object(root, "window");
        var drift = new SortedDictionary<string, FeatureDrift>(StringComparer.Ordinal);
        if (Object(Object(root, "data_drift"), "columns") is { } columns)
        {
            foreach (var column in columns.EnumerateObject())
            {
                var effect = Number(column.Value, "effect_size");
                drift[column.Name] = new FeatureDrift(effect ?? Number(column.Value, "statistic"),
                    effect is null ? $"{Text(column.Value, "method")} statistic" : Text(column.Value, "effect_size_measure") ?? "effect size",
                    column.Value.TryGetProperty("drift", out var d) && d.ValueKind == JsonValueKind.True);
            }
        }

        var performance = Object(root, "performance");
        var system = Object(root, "system");
        return new MonitoringRun(
            Time(Text(window, "to")),
            root.GetProperty("verdict").GetString() ?? throw new InvalidOperationException("verdict is null"),
            drift,
            Number(Object(performance, "measured"), "accuracy"),
            Number(Object(performance, "measured"), "auc"),
            Number(Object(performance, "estimate"), "accuracy"),
            Number(Object(performance, "baseline"), "accuracy"),
            Number(Object(performance, "baseline"), "auc"),
            Number(Object(system, "latency_ms"), "p95"),
            Number(system, "throughput_per_second"),
            Number(system, "error_rate"),
            HostsOf(system));
    }

    private static List<HostFigures> HostsOf(JsonElement? system)
    {
        var hosts = system is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("hosts", out var all) && all.ValueKind == JsonValueKind.Array
            ? all.EnumerateArray().Select(h => (JsonElement?)h).ToList()
            : Object(system, "host") is { } one ? [one] : [];
        return hosts.Where(h => Text(h, "address") is not null)
            .Select(h => new HostFigures(Text(h, "address")!, Text(h, "note"), Number(h, "cpu_cores_used"), Number(h, "resident_memory_bytes"), Number(h, "requests_in_flight")))
            .ToList();
    }

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static double? Number(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Text(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
