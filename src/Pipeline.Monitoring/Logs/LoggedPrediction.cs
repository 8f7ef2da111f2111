using System.Text.Json;

namespace Pipeline.Monitoring.Logs;

/// <summary>One row of the serving host's <c>predictions</c> table, joined with its <c>feedback</c> label when there is one.</summary>
internal sealed record LoggedPrediction
{
    /// <summary>The request id (primary key of both tables).</summary>
    public required string RequestId { get; init; }

    /// <summary>When the prediction was made (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The model name.</summary>
    public required string Model { get; init; }

    /// <summary>The model version that answered.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>The rollout variant (e.g. production, canary).</summary>
    public required string Variant { get; init; }

    /// <summary>The request's features by name (JSON numbers, strings, booleans or null).</summary>
    public required IReadOnlyDictionary<string, JsonElement> Features { get; init; }

    /// <summary>Binary models: the positive-class probability.</summary>
    public double? Probability { get; init; }

    /// <summary>Binary models: the predicted label.</summary>
    public bool? PredictedLabel { get; init; }

    /// <summary>Multiclass models: the predicted class.</summary>
    public string? PredictedClass { get; init; }

    /// <summary>Regression models: the predicted value.</summary>
    public double? Value { get; init; }

    /// <summary>Recommendations: the returned item ids in rank order (null for other predictions).</summary>
    public IReadOnlyList<string>? RecommendedItems { get; init; }

    /// <summary>Recommendations: whether the answer was the cold-start (popularity) list.</summary>
    public bool? ColdStart { get; init; }

    /// <summary>Server-side latency of the prediction in milliseconds.</summary>
    public required double LatencyMs { get; init; }

    /// <summary>The ground-truth label from the feedback table, as text; null when not (yet) labelled.</summary>
    public string? FeedbackLabel { get; init; }

    /// <summary>
    /// True when the prediction matched its feedback label, false when not, null when unlabelled or not comparable
    /// (regression, or a label that is not a boolean for a binary model).
    /// </summary>
    public bool? Correct(double threshold)
    {
        if (FeedbackLabel is not { } truth) return null;
        if (PredictedClass is { } predictedClass) return string.Equals(predictedClass, truth.Trim(), StringComparison.Ordinal);
        var predicted = PredictedLabel ?? (Probability is { } p ? p >= threshold : null);
        return predicted is { } label && LabelText.TryParseBoolean(truth) is { } actual ? label == actual : null;
    }
}
