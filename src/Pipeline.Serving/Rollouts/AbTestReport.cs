namespace Pipeline.Serving.Rollouts;

/// <summary>
/// The A/B test's state: per-variant outcomes, the test, its statistic and p-value, and the verdict
/// (insufficient_data, treatment_better, control_better or no_significant_difference).
/// </summary>
internal sealed record AbTestReport(IReadOnlyList<AbVariantOutcome> Variants, string Test, double Statistic, double P, double Alpha, int MinSamples, string Verdict);
