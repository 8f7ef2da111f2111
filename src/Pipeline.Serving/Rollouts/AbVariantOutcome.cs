namespace Pipeline.Serving.Rollouts;

/// <summary>
/// One A/B variant's outcomes: samples with feedback, and the metric (accuracy for classification, mean absolute
/// error for regression) with its sample variance.
/// </summary>
internal sealed record AbVariantOutcome(string Variant, long Samples, string Metric, double Value, double Variance);
