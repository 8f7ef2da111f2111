using System.Globalization;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>
/// Spells a feedback label the way the snapshot spells its label column: a label the snapshot already has stays as it
/// is; a yes/no answer (true/false, yes/no) becomes "1"/"0" when the snapshot's labels are 0/1; anything else stays as
/// given, and <see cref="Problem"/> says whether the dataset can use it.
/// </summary>
internal static class FeedbackLabel
{
    /// <summary>
    /// Why <paramref name="label"/> (already mapped) cannot be a label of the dataset, or null when it can: empty, not a
    /// number for regression, or not one of the snapshot's classes for classification (any class when it has none yet).
    /// </summary>
    public static string? Problem(string label, IReadOnlySet<string> snapshotLabels, MlTask task)
    {
        if (string.IsNullOrWhiteSpace(label)) return "the label is empty";
        if (task == MlTask.Regression)
        {
            return double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? null : $"label '{label}' is not a number (data.task regression)";
        }

        if (snapshotLabels.Count == 0 || snapshotLabels.Contains(label) || (task == MlTask.Binary && IsOtherOfPair(label, snapshotLabels))) return null;
        var classes = snapshotLabels.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", classes.Take(10)) + (classes.Count > 10 ? $", … ({classes.Count} classes)" : "");
        return $"label '{label}' is not one of the snapshot's classes ({shown})";
    }

    /// <summary>The snapshot spelling of <paramref name="label"/>, given the labels the snapshot holds.</summary>
    public static string Map(string label, IReadOnlySet<string> snapshotLabels)
    {
        var trimmed = label.Trim();
        if (snapshotLabels.Contains(trimmed) || !IsZeroOne(snapshotLabels)) return trimmed;
        return trimmed.ToLowerInvariant() switch
        {
            "true" or "yes" or "1.0" => "1",
            "false" or "no" or "0.0" => "0",
            _ => trimmed,
        };
    }

    // NOTE: a binary snapshot may not have seen both classes yet; the other class of a 0/1 or true/false pair is still one.
    private static bool IsOtherOfPair(string label, IReadOnlySet<string> labels) =>
        (IsZeroOne(labels) && label is "0" or "1")
        || (labels.All(l => l.Equals("true", StringComparison.OrdinalIgnoreCase) || l.Equals("false", StringComparison.OrdinalIgnoreCase))
            && (label.Equals("true", StringComparison.OrdinalIgnoreCase) || label.Equals("false", StringComparison.OrdinalIgnoreCase)));

    private static bool IsZeroOne(IReadOnlySet<string> labels) => labels.Count > 0 && labels.All(l => l is "0" or "1");
}
