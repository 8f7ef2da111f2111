namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>
/// Spells a feedback label the way the snapshot spells its label column: a label the snapshot already has stays as it
/// is; a yes/no answer (true/false, yes/no) becomes "1"/"0" when the snapshot's labels are 0/1; anything else stays as
/// given, so Validate reports it (unknown_label_class) instead of it being guessed or dropped here.
/// </summary>
internal static class FeedbackLabel
{
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

    private static bool IsZeroOne(IReadOnlySet<string> labels) => labels.Count > 0 && labels.All(l => l is "0" or "1");
}
