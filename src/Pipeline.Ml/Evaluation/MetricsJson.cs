using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Writes metrics.json: the task's metrics as top-level keys in canonical order, then <c>threshold</c> (binary),
/// <c>confusion_matrix</c>, <c>slices</c> and <c>comparison</c> when present. Numbers are rounded to 6 decimals,
/// NaN is written as null, -0 as 0, two-space indentation, '\n' line ends: the same result gives the same bytes.
/// </summary>
internal static class MetricsJson
{
    /// <summary>Writes the file atomically.</summary>
    public static void Write(string path, EvaluationResult result) => JsonLayout.Write(path, json => WriteResult(json, result));

    private static void WriteResult(Utf8JsonWriter json, EvaluationResult result)
    {
        json.WriteStartObject();
        WriteMetrics(json, result.Metrics);
        if (result.Threshold is { } threshold)
        {
            JsonLayout.Number(json, "threshold", RoundedNumber.Value(threshold));
        }

        if (result.Confusion is { } confusion)
        {
            WriteConfusion(json, confusion);
        }

        if (result.SliceColumn is { } column)
        {
            json.WriteStartObject("slices");
            json.WriteString("column", column);
            json.WriteStartObject("values");
            foreach (var slice in result.Slices)
            {
                json.WriteStartObject(slice.Value);
                json.WriteNumber("rows", slice.Rows);
                WriteMetrics(json, slice.Metrics);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (result.LabelledTraffic is { } traffic)
        {
            json.WriteStartObject("labelled_traffic");
            json.WriteNumber("rows", traffic.Rows);
            WriteMetrics(json, traffic.Metrics);
            if (traffic.Confusion is { } trafficConfusion) WriteConfusion(json, trafficConfusion);
            json.WriteEndObject();
        }

        if (result.Comparison is { } comparison)
        {
            WriteComparison(json, comparison);
        }

        json.WriteEndObject();
    }

    private static void WriteConfusion(Utf8JsonWriter json, ConfusionMatrix confusion)
    {
        json.WriteStartObject("confusion_matrix");
        json.WriteStartArray("classes");
        foreach (var c in confusion.Classes)
        {
            json.WriteStringValue(c);
        }

        json.WriteEndArray();
        json.WriteStartArray("counts");
        for (var i = 0; i < confusion.Counts.GetLength(0); i++)
        {
            json.WriteStartArray();
            for (var j = 0; j < confusion.Counts.GetLength(1); j++)
            {
                json.WriteNumberValue(RoundedNumber.Value(confusion.Counts[i, j]));
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteComparison(Utf8JsonWriter json, ModelComparison comparison)
    {
        json.WriteStartObject("comparison");
        if (comparison.Production is { } production)
        {
            json.WriteString("production", production);
        }

        json.WriteString("metric", comparison.Metric);
        json.WriteStartObject("production_metrics");
        WriteMetrics(json, comparison.ProductionMetrics);
        json.WriteEndObject();
        var ci = comparison.Interval;
        JsonLayout.Number(json, "difference", RoundedNumber.Value(ci.Difference));
        JsonLayout.Number(json, "ci_low", RoundedNumber.Value(ci.Low));
        JsonLayout.Number(json, "ci_high", RoundedNumber.Value(ci.High));
        JsonLayout.Number(json, "confidence", RoundedNumber.Value(ci.Confidence));
        json.WriteNumber("resamples", ci.Resamples);
        json.WriteBoolean("significant", ci.Significant);
        json.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, double>> metrics)
    {
        foreach (var (name, value) in metrics)
        {
            JsonLayout.Number(json, name, RoundedNumber.Value(value));
        }
    }
}
