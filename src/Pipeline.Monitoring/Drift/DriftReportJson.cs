using System.Text.Json;
using Pipeline.Formats.Json;

namespace Pipeline.Monitoring.Drift;

/// <summary>The one serializer of <see cref="DriftReport"/> (shape fixed by issue 6).</summary>
internal static class DriftReportJson
{
    /// <summary>Writes the report as indented JSON ending in a newline.</summary>
    public static string Write(DriftReport report) => JsonLayout.Text(json =>
    {
        json.WriteStartObject();
        WriteProperties(json, report);
        json.WriteEndObject();
    });

    /// <summary>Writes the report's properties into the object being written (also the monitoring report's <c>data_drift</c>).</summary>
    public static void WriteProperties(Utf8JsonWriter json, DriftReport report)
    {
        json.WriteStartObject("columns");
        foreach (var column in report.Columns)
        {
            json.WriteStartObject(column.Name);
            WriteColumn(json, column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        JsonLayout.Number(json, "drift_share", report.DriftShare);
        json.WriteBoolean("dataset_drift", report.DatasetDrift);
        JsonLayout.Number(json, "drift_share_threshold", report.DriftShareThreshold);
        json.WriteStartArray("drifted_columns");
        foreach (var name in report.DriftedColumns) json.WriteStringValue(name);
        json.WriteEndArray();
    }

    private static void WriteColumn(Utf8JsonWriter json, ColumnDrift column)
    {
        json.WriteString("method", column.Method.WireName());
        if (column.Statistic is { } statistic) JsonLayout.Number(json, "statistic", statistic);
        if (column.PValue is { } p) JsonLayout.Number(json, "p_value", p);
        json.WriteBoolean("drift", column.Drift);
        JsonLayout.Number(json, "threshold", column.Threshold);
        if (column.EffectSize is { } effect)
        {
            JsonLayout.Number(json, "effect_size", effect);
            json.WriteString("effect_size_measure", column.EffectSizeMeasure);
        }

        if (column.Period is { } period) JsonLayout.Number(json, "period", period);
        if (column.ImportanceRank is { } rank) json.WriteNumber("importance_rank", rank);
        json.WriteNumber("reference_size", column.ReferenceSize);
        json.WriteNumber("current_size", column.CurrentSize);
        if (column.InsufficientData) json.WriteBoolean("insufficient_data", true);
    }
}
