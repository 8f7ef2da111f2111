using System.Text.Json;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// The evaluation baseline read from metrics.json as plain JSON (missing or null metrics are null): the holdout's
/// labelled served traffic (<c>labelled_traffic</c>, what a model retrained on such traffic will see) when Evaluate
/// wrote it, else the whole holdout.
/// </summary>
/// <param name="Accuracy">Holdout accuracy.</param>
/// <param name="Auc">Holdout ROC AUC (binary).</param>
/// <param name="Threshold">The binary decision threshold the evaluation chose.</param>
public sealed record BaselineMetrics(double? Accuracy, double? Auc, double? Threshold)
{
    /// <summary>Share of positive labels in the holdout (binary, from the confusion matrix; null otherwise).</summary>
    public double? PositiveRate { get; init; }

    /// <summary>Share of holdout rows predicted positive at <see cref="Threshold"/> (binary; null otherwise).</summary>
    public double? PredictedPositiveRate { get; init; }

    /// <summary>Share of the holdout's positives predicted positive (binary; null otherwise).</summary>
    public double? TruePositiveRate { get; init; }

    /// <summary>Share of the holdout's negatives predicted negative (binary; null otherwise).</summary>
    public double? TrueNegativeRate { get; init; }

    /// <summary>
    /// The baseline accuracy at another positive rate: the holdout's true-positive and true-negative rates weighted by
    /// <paramref name="positiveRate"/> (under prior shift the class-conditional rates stay, the mix changes); the plain
    /// accuracy when the rates are unknown.
    /// </summary>
    public double? AccuracyAt(double positiveRate) => TruePositiveRate is { } tpr && TrueNegativeRate is { } tnr
        ? positiveRate * tpr + (1 - positiveRate) * tnr
        : Accuracy;

    /// <summary>Holdout rows of labelled served traffic the metrics come from (null: the whole holdout).</summary>
    public int? TrafficRows { get; init; }

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
            JsonElement? traffic = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("labelled_traffic", out var t) && Number(t, "accuracy") is not null ? t : null;
            var rows = traffic ?? root;
            var (positive, predicted, tpr, tnr) = Rates(rows);
            return new BaselineMetrics(Number(rows, "accuracy"), Number(rows, "auc"), Number(root, "threshold"))
            {
                PositiveRate = positive, PredictedPositiveRate = predicted, TruePositiveRate = tpr, TrueNegativeRate = tnr, TrafficRows = traffic is { } r ? (int?)Number(r, "rows") : null,
            };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{metricsPath}: not valid JSON ({e.Message}). Re-run Evaluate to write it again.", e);
        }
    }

    // NOTE: Evaluate's binary confusion matrix: classes [negative, positive], counts[actual][predicted].
    private static (double? Positive, double? Predicted, double? Tpr, double? Tnr) Rates(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("confusion_matrix", out var matrix) || matrix.ValueKind != JsonValueKind.Object
            || !matrix.TryGetProperty("counts", out var counts) || counts.ValueKind != JsonValueKind.Array || counts.GetArrayLength() != 2) return (null, null, null, null);
        var cells = counts.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Array ? r.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Number ? c.GetDouble() : double.NaN).ToArray() : []).ToArray();
        if (cells.Any(r => r.Length != 2 || r.Any(double.IsNaN))) return (null, null, null, null);
        var total = cells.Sum(r => r.Sum());
        if (total <= 0) return (null, null, null, null);
        var (positives, negatives) = (cells[1][0] + cells[1][1], cells[0][0] + cells[0][1]);
        return (positives / total, (cells[0][1] + cells[1][1]) / total,
            positives > 0 ? cells[1][1] / positives : null, negatives > 0 ? cells[0][0] / negatives : null);
    }

    private static double? Number(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble() : null;
}
