using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Training;

/// <summary>
/// What was trained, written next to the model as <c>model.json</c> (same folder and base name): task, trainer,
/// hyper-parameters, optimised metric and its validation value, and for binary models the decision threshold with
/// the rule and rows it was chosen on and the positive rates expected there (<see cref="ThresholdChoice"/>; never the
/// holdout). Deterministic: no timestamps.
/// </summary>
public sealed record ModelInfo(MlTask Task, string Trainer, IReadOnlyDictionary<string, double> Params, string Metric, double ValidationValue, double Threshold, int Seed, int Trial)
{
    /// <summary>How a binary model's threshold was chosen (written when known).</summary>
    internal ThresholdChoice? ThresholdChoice { get; init; }

    /// <summary>The info file belonging to a model file (models/model.zip → models/model.json).</summary>
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    /// <summary>Writes the info atomically.</summary>
    public void Write(string path) => JsonLayout.Write(path, json =>
    {
        json.WriteStartObject();
        json.WriteString("task", Task.ToString().ToLowerInvariant());
        json.WriteString("trainer", Trainer);
        json.WriteStartObject("params");
        foreach (var p in Params.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(p.Key, p.Value);
        }

        json.WriteEndObject();
        json.WriteString("metric", Metric);
        JsonLayout.Number(json, "validation_value", RoundedNumber.Value(ValidationValue));
        JsonLayout.Number(json, "threshold", RoundedNumber.Value(Threshold));
        if (ThresholdChoice is { } choice)
        {
            json.WriteString("threshold_rule", choice.Rule);
            json.WriteString("threshold_rows", choice.Rows);
            json.WriteNumber("threshold_row_count", choice.RowCount);
            JsonLayout.Number(json, "expected_positive_rate", RoundedNumber.Value(choice.PositiveRate));
            JsonLayout.Number(json, "expected_predicted_positive_rate", RoundedNumber.Value(choice.PredictedPositiveRate));
        }

        json.WriteNumber("seed", Seed);
        json.WriteNumber("trial", Trial);
        json.WriteEndObject();
    });

    /// <summary>Reads an info file, or null when it does not exist.</summary>
    public static ModelInfo? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var r = doc.RootElement;
        return new ModelInfo(
            Enum.Parse<MlTask>(r.GetProperty("task").GetString()!, ignoreCase: true),
            r.GetProperty("trainer").GetString()!,
            r.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            r.GetProperty("metric").GetString()!,
            NumberOrNaN(r.GetProperty("validation_value")),
            NumberOrNaN(r.GetProperty("threshold")),
            r.GetProperty("seed").GetInt32(),
            r.GetProperty("trial").GetInt32());
    }

    private static double NumberOrNaN(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;
}
