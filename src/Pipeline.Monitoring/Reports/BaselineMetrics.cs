using System.Text.Json;

namespace Pipeline.Monitoring.Reports;

/// <summary>The evaluation baseline read from metrics.json as plain JSON (missing or null metrics are null).</summary>
/// <param name="Accuracy">Holdout accuracy.</param>
/// <param name="Auc">Holdout ROC AUC (binary).</param>
/// <param name="Threshold">The binary decision threshold the evaluation chose.</param>
/// <param name="PositiveRate">The holdout's share of positives (binary; from metrics.json's confusion matrix): the base rate the model expects.</param>
public sealed record BaselineMetrics(double? Accuracy, double? Auc, double? Threshold, double? PositiveRate = null)
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
            return new BaselineMetrics(Number(root, "accuracy"), Number(root, "auc"), Number(root, "threshold"), PositiveShare(root));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{metricsPath}: not valid JSON ({e.Message}). Re-run Evaluate to write it again.", e);
        }
    }

    // NOTE: a binary confusion matrix is [[tn, fp], [fn, tp]] (rows actual); its second row's share is the base rate.
    private static double? PositiveShare(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("confusion_matrix", out var matrix) ||
            matrix.ValueKind != JsonValueKind.Object || !matrix.TryGetProperty("counts", out var counts) ||
            counts.ValueKind != JsonValueKind.Array || counts.GetArrayLength() != 2) return null;
        var rows = counts.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().Sum(c => c.GetDouble()) : 0).ToArray();
        return rows.Sum() > 0 ? rows[1] / rows.Sum() : null;
    }

    private static double? Number(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble() : null;
}
