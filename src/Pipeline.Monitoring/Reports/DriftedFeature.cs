namespace Pipeline.Monitoring.Reports;

/// <summary>A drifted feature as the retraining decision names it.</summary>
/// <param name="Name">The feature.</param>
/// <param name="Method">The drift method's wire name.</param>
/// <param name="EffectSize">Its effect size (sample-size independent).</param>
/// <param name="Importance">The model's importance of the feature (null when unknown).</param>
/// <param name="ImportanceRank">Rank among drifted features by importance (1 = most important; null when unknown).</param>
public sealed record DriftedFeature(string Name, string Method, double? EffectSize, double? Importance, int? ImportanceRank);
