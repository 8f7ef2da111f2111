namespace Pipeline.Monitoring.Logs;

/// <summary>Reads feedback labels (stored as text: a JSON string's value or a number / boolean's raw JSON).</summary>
internal static class LabelText
{
    /// <summary>"true"/"1"/"yes" → true, "false"/"0"/"no" → false (case-insensitive, trimmed), anything else → null.</summary>
    public static bool? TryParseBoolean(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "1.0" or "yes" => true,
        "false" or "0" or "0.0" or "no" => false,
        _ => null,
    };
}
