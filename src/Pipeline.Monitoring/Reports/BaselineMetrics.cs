using System.Text.Json;

namespace Pipeline.Monitoring.Reports;

/// <summary>The evaluation baseline read from metrics.json as plain JSON (missing or null metrics are null).</summary>
/// <param name="Accuracy">Holdout accuracy.</param>
/// <param name="Auc">Holdout ROC AUC (binary).</param>
/// <param name="Threshold">The binary decision threshold the evaluation chose.</param>
public sealed record BaselineMetrics(double? Accuracy, double? Auc, double? Threshold)
{
    /// <summary>No baseline: performance is reported but never compared.</summary>
    public static BaselineMetrics None { get; } = new(null, null, null);

    /// <summary>Reads metrics.json; a missing file gives <see cref="None"/>.</summary>
    public static BaselineMetrics Read(string metricsPath)
    {
        if (!File.Exists(metricsPath)) return None;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(metricsPath));
            var root = document.RootElement;
            return new BaselineMetrics(Number(root, "accuracy"), Number(root, "auc"), Number(root, "threshold"));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{metricsPath}: not valid JSON ({e.Message}). Re-run Evaluate to write it again.", e);
        }
    }

    private static double? Number(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble() : null;
}
