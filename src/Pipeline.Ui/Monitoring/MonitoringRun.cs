using System.Globalization;
using System.Text.Json;

namespace Pipeline.Ui.Monitoring;

/// <summary>One feature's drift in one run: the score charted (the effect size, else the test statistic), its measure, and the verdict.</summary>
internal sealed record FeatureDrift(double? Score, string Measure, bool Drift);

/// <summary>
/// What the Monitoring page shows of one Monitor run (a line of reports/monitoring-history.jsonl, or
/// reports/monitoring.json): its window's end, verdict, drift per feature, performance measured on labelled traffic
/// and estimated (CBPE) on the rest, and the serving host's system figures.
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
    string? Host,
    string? HostNote,
    double? HostCpuCores,
    double? HostMemoryBytes,
    double? HostRequestsInFlight)
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
        var host = Object(system, "host");
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
            Text(host, "address"),
            Text(host, "note"),
            Number(host, "cpu_cores_used"),
            Number(host, "resident_memory_bytes"),
            Number(host, "requests_in_flight"));
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
