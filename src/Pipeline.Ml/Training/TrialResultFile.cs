using System.Globalization;
using System.Text.Json;
using Pipeline.Formats.Json;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// Trial results as a JSON file, for trials computed in another process (<see cref="TrialWorker"/>): every field of
/// <see cref="TrialResult"/> and the validation predictions the best trial's threshold is chosen from. Numbers are
/// written in their shortest round-trip form (a non-finite one as the string "NaN", "Infinity" or "-Infinity"), so
/// the file reads back bit-identical values.
/// </summary>
public static class TrialResultFile
{
    /// <summary>Writes <paramref name="trials"/> atomically.</summary>
    public static void Write(string path, IEnumerable<TrialResult> trials) => JsonLayout.Write(path, json =>
    {
        json.WriteStartArray();
        foreach (var t in trials)
        {
            json.WriteStartObject();
            json.WriteNumber("trial", t.Trial);
            json.WriteNumber("rung", t.Rung);
            json.WriteNumber("data_fraction", t.DataFraction);
            json.WriteString("trainer", t.Trainer);
            json.WriteStartObject("params");
            foreach (var (name, value) in t.Params.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteNumber(name, value);
            json.WriteEndObject();
            json.WritePropertyName("value");
            Value(json, t.Value);
            json.WriteString("error", t.Error);
            json.WriteNumber("duration_ms", t.DurationMs);
            json.WriteString("node", t.Node);
            json.WriteString("job_id", t.JobId);
            if (t.Validation is { } v)
            {
                json.WriteStartObject("validation");
                json.WriteNumber("class_count", v.ClassCount);
                Numbers(json, "labels", v.Labels);
                Numbers(json, "scores", v.Scores);
                json.WriteStartArray("class_probabilities");
                foreach (var p in v.ClassProbabilities)
                {
                    if (float.IsFinite(p)) json.WriteNumberValue(p);
                    else json.WriteStringValue(p.ToString(CultureInfo.InvariantCulture));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>Reads a file <see cref="Write"/> wrote; <paramref name="node"/> and <paramref name="jobId"/>, when given, replace what it says.</summary>
    public static IReadOnlyList<TrialResult> Read(string path, string? node = null, string? jobId = null)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.EnumerateArray().Select(e => new TrialResult(
            e.GetProperty("trial").GetInt32(),
            e.GetProperty("rung").GetInt32(),
            e.GetProperty("data_fraction").GetDouble(),
            e.GetProperty("trainer").GetString()!,
            e.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            Number(e.GetProperty("value")))
        {
            Error = e.GetProperty("error").GetString(),
            DurationMs = e.GetProperty("duration_ms").GetInt64(),
            Node = node ?? e.GetProperty("node").GetString(),
            JobId = jobId ?? e.GetProperty("job_id").GetString(),
            Validation = e.TryGetProperty("validation", out var v)
                ? new PredictionSet(
                    [.. v.GetProperty("labels").EnumerateArray().Select(Number)],
                    [.. v.GetProperty("scores").EnumerateArray().Select(Number)],
                    [.. v.GetProperty("class_probabilities").EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? float.Parse(p.GetString()!, CultureInfo.InvariantCulture) : p.GetSingle())],
                    v.GetProperty("class_count").GetInt32())
                : null,
        }).ToList();
    }

    private static void Numbers(Utf8JsonWriter json, string name, double[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) Value(json, value);
        json.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble();
}
