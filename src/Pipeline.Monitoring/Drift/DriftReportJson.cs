using System.Text;
using System.Text.Json;

namespace Pipeline.Monitoring.Drift;

/// <summary>The one serializer of <see cref="DriftReport"/> (shape fixed by issue 6).</summary>
internal static class DriftReportJson
{
    /// <summary>Writes the report as indented JSON ending in a newline.</summary>
    public static string Write(DriftReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", IndentSize = 2 }))
        {
            json.WriteStartObject();
            json.WriteStartObject("columns");
            foreach (var column in report.Columns)
            {
                json.WriteStartObject(column.Name);
                WriteColumn(json, column);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            Number(json, "drift_share", report.DriftShare);
            json.WriteBoolean("dataset_drift", report.DatasetDrift);
            Number(json, "drift_share_threshold", report.DriftShareThreshold);
            json.WriteStartArray("drifted_columns");
            foreach (var name in report.DriftedColumns) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteColumn(Utf8JsonWriter json, ColumnDrift column)
    {
        json.WriteString("method", column.Method.WireName());
        if (column.Statistic is { } statistic) Number(json, "statistic", statistic);
        if (column.PValue is { } p) Number(json, "p_value", p);
        json.WriteBoolean("drift", column.Drift);
        Number(json, "threshold", column.Threshold);
        if (column.EffectSize is { } effect)
        {
            Number(json, "effect_size", effect);
            json.WriteString("effect_size_measure", column.EffectSizeMeasure);
        }

        if (column.ImportanceRank is { } rank) json.WriteNumber("importance_rank", rank);
        json.WriteNumber("reference_size", column.ReferenceSize);
        json.WriteNumber("current_size", column.CurrentSize);
        if (column.InsufficientData) json.WriteBoolean("insufficient_data", true);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        // NOTE: JSON has no NaN/Infinity; a non-finite statistic (e.g. JS with an infinite term) is written as null.
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
