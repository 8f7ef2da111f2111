using System.Globalization;
using System.Text.Json;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Performance;
using Pipeline.Formats.Json;

namespace Pipeline.Monitoring.Reports;

/// <summary>The one serializer of <see cref="MonitoringReport"/> (reports/monitoring.json); keys in a fixed order.</summary>
internal static class MonitoringReportJson
{
    /// <summary>Indented JSON ending in a newline; with <paramref name="compact"/>, the same on one line without a newline.</summary>
    public static string Write(MonitoringReport report, bool compact = false) => compact ? JsonLayout.Line(Writer(report)) : JsonLayout.Text(Writer(report));

    private static Action<Utf8JsonWriter> Writer(MonitoringReport report) => json =>
    {
        json.WriteStartObject();
        json.WriteString("verdict", VerdictName(report.Verdict));
        json.WriteStartArray("reasons");
        foreach (var reason in report.Reasons) json.WriteStringValue(reason);
        json.WriteEndArray();
        WriteWindow(json, report.Window);
        if (report.Origin is { } origin) WriteOrigin(json, origin);
        WriteDrift(json, report.Drift);
        MonitoringPerformanceJson.Write(json, report.Performance);
        if (report.Recommendation is { } recommendation) Recommendations.RecommendationReportParts.WriteJson(json, recommendation);
        MonitoringSystemJson.Write(json, report.System);
        json.WriteEndObject();
    };

    /// <summary>The wire name of a verdict.</summary>
    public static string VerdictName(MonitoringVerdict verdict) => verdict switch
    {
        MonitoringVerdict.Healthy => "healthy",
        MonitoringVerdict.Degraded => "degraded",
        MonitoringVerdict.Drifted => "drifted",
        _ => "insufficient_data",
    };

    /// <summary>A number, or null when absent or not finite (JSON has no NaN).</summary>
    public static void Number(Utf8JsonWriter json, string name, double? value) => JsonLayout.Number(json, name, value);

    /// <summary>An interval as a two-element array.</summary>
    public static void Interval(Utf8JsonWriter json, string name, WilsonInterval? interval)
    {
        if (interval is not { } i)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        json.WriteNumberValue(i.Lower);
        json.WriteNumberValue(i.Upper);
        json.WriteEndArray();
    }

    /// <summary>A time as fixed-width ISO 8601 UTC, or null.</summary>
    public static void Time(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t) json.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }

    private static void WriteWindow(Utf8JsonWriter json, WindowSummary window)
    {
        json.WriteStartObject("window");
        json.WriteNumber("predictions", window.Predictions);
        json.WriteNumber("labelled", window.Labelled);
        Time(json, "from", window.From);
        Time(json, "to", window.To);
        json.WriteStartArray("model_versions");
        foreach (var version in window.ModelVersions) json.WriteStringValue(version);
        json.WriteEndArray();
        json.WriteStartObject("variants");
        foreach (var (variant, count) in window.Variants) json.WriteNumber(variant, count);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOrigin(Utf8JsonWriter json, BaselineOrigin origin)
    {
        json.WriteStartObject("baseline_origin");
        json.WriteString("version", origin.Version);
        json.WriteString("reference", origin.Reference);
        json.WriteNumber("reference_rows", origin.ReferenceRows);
        if (origin.TrainingRows is { } rows) json.WriteNumber("training_rows", rows); else json.WriteNull("training_rows");
        json.WriteString("metrics", origin.Metrics);
        json.WriteString("metrics_rows", origin.MetricsRows);
        json.WriteEndObject();
    }

    private static void WriteDrift(Utf8JsonWriter json, DriftReport drift)
    {
        json.WriteStartObject("data_drift");
        DriftReportJson.WriteProperties(json, drift);
        json.WriteEndObject();
    }
}
