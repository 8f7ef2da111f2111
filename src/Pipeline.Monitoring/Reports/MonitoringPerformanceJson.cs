using System.Text.Json;
using static Pipeline.Monitoring.Reports.MonitoringReportJson;

namespace Pipeline.Monitoring.Reports;

/// <summary>Writes the "performance" object of reports/monitoring.json.</summary>
internal static class MonitoringPerformanceJson
{
    /// <summary>Measured metrics (or null), the estimate marked <c>"estimated": true</c> (or null), baseline, detectors, buckets.</summary>
    public static void Write(Utf8JsonWriter json, PerformanceSection performance)
    {
        json.WriteStartObject("performance");
        json.WriteNumber("labelled", performance.Labelled);
        if (performance.Measured is { } m)
        {
            json.WriteStartObject("measured");
            json.WriteBoolean("estimated", false);
            json.WriteNumber("count", m.Count);
            Number(json, "accuracy", m.Accuracy);
            Interval(json, "accuracy_ci", m.AccuracyInterval);
            Number(json, "error_rate", m.ErrorRate);
            Number(json, "auc", m.Auc);
            Interval(json, "auc_ci", m.AucInterval);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("measured");
        }

        if (performance.Estimate is { } e)
        {
            json.WriteStartObject("estimate");
            json.WriteBoolean("estimated", true);
            json.WriteString("method", "cbpe");
            json.WriteNumber("count", e.Count);
            Number(json, "accuracy", e.Accuracy);
            Number(json, "precision", e.Precision);
            Number(json, "recall", e.Recall);
            Number(json, "f1", e.F1);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("estimate");
        }

        json.WriteStartObject("baseline");
        Number(json, "accuracy", performance.Baseline.Accuracy);
        Number(json, "auc", performance.Baseline.Auc);
        Number(json, "threshold", performance.Baseline.Threshold);
        json.WriteEndObject();
        json.WriteBoolean("below_baseline", performance.BelowBaseline);
        if (performance.BaseRate is { } rate) WriteBaseRate(json, rate);
        WriteDetectors(json, performance.Detectors);
        WriteBuckets(json, performance.Buckets);
        json.WriteEndObject();
    }

    private static void WriteBaseRate(Utf8JsonWriter json, BaseRateCheck rate)
    {
        json.WriteStartObject("base_rate");
        Number(json, "threshold", rate.Threshold);
        Number(json, "expected_positive_rate", rate.ExpectedPositiveRate);
        Number(json, "observed_positive_rate", rate.ObservedPositiveRate);
        Interval(json, "observed_positive_ci", rate.ObservedPositiveInterval);
        json.WriteNumber("labelled", rate.Labelled);
        Number(json, "expected_predicted_positive_rate", rate.ExpectedPredictedPositiveRate);
        Number(json, "observed_predicted_positive_rate", rate.ObservedPredictedPositiveRate);
        json.WriteBoolean("moved", rate.Moved);
        if (rate.Rule is { } rule) json.WriteString("rule", rule);
        Number(json, "threshold_cost", rate.ThresholdCost);
        Number(json, "best_threshold", rate.BestThreshold);
        Number(json, "best_cost", rate.BestCost);
        json.WriteBoolean("stale", rate.Stale);
        json.WriteEndObject();
    }

    private static void WriteDetectors(Utf8JsonWriter json, DetectorSummary detectors)
    {
        json.WriteStartObject("detectors");
        json.WriteBoolean("alarm", detectors.Alarm);
        if (detectors.PValue is { } p) json.WriteNumber("p_value", Math.Round(p, 6)); else json.WriteNull("p_value");
        json.WriteNumber("page_hinkley_alarms", detectors.PageHinkleyAlarms);
        json.WriteNumber("ddm_alarms", detectors.DdmAlarms);
        json.WriteNumber("ddm_warnings", detectors.DdmWarnings);
        Time(json, "first_alarm_at", detectors.FirstAlarmAt);
        json.WriteEndObject();
    }

    private static void WriteBuckets(Utf8JsonWriter json, IReadOnlyList<TimeBucket> buckets)
    {
        json.WriteStartArray("buckets");
        foreach (var b in buckets)
        {
            json.WriteStartObject();
            Time(json, "from", b.From);
            Time(json, "to", b.To);
            json.WriteNumber("predictions", b.Predictions);
            json.WriteNumber("labelled", b.Labelled);
            Number(json, "accuracy", b.Accuracy);
            Number(json, "estimated_accuracy", b.EstimatedAccuracy);
            Number(json, "latency_p95_ms", b.LatencyP95);
            Number(json, "drift_share", b.DriftShare);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
