using System.Globalization;
using System.Text.Json;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Joins the A/B test's logged predictions with their feedback (on request_id) and judges treatment against control:
/// classification by accuracy with the two-proportion z-test, regression by absolute error with Welch's t-test.
/// A verdict needs <see cref="RolloutPlan.MinSamples"/> labelled predictions per variant.
/// </summary>
internal static class AbTestAnalysis
{
    /// <summary>Reads the outcomes since the test started and judges them.</summary>
    public static async Task<AbTestReport> RunAsync(PredictionStore store, RolloutPlan plan, DateTimeOffset since, CancellationToken cancel)
    {
        var rows = await store.OutcomesAsync(["control", "treatment"], since, cancel);
        var outcomes = rows.Select(r => (r.Variant, Outcome: Outcome(r.Output, r.Label))).Where(r => r.Outcome is not null).ToList();
        var control = outcomes.Where(o => o.Variant == "control").Select(o => o.Outcome!.Value).ToList();
        var treatment = outcomes.Where(o => o.Variant == "treatment").Select(o => o.Outcome!.Value).ToList();
        return Judge(control, treatment, plan.MinSamples, plan.Alpha);
    }

    /// <summary>Judges per-row outcomes (is-correct or absolute error, with whether they are errors).</summary>
    public static AbTestReport Judge(IReadOnlyList<(double Value, bool IsError)> control, IReadOnlyList<(double Value, bool IsError)> treatment, int minSamples, double alpha)
    {
        var regression = control.Concat(treatment).Any(o => o.IsError);
        var metric = regression ? "mean_absolute_error" : "accuracy";
        var c = Summary("control", control.Select(o => o.Value).ToList(), metric);
        var t = Summary("treatment", treatment.Select(o => o.Value).ToList(), metric);
        if (c.Samples < minSamples || t.Samples < minSamples)
        {
            return new AbTestReport([c, t], regression ? "welch_t" : "two_proportion_z", double.NaN, double.NaN, alpha, minSamples, "insufficient_data");
        }

        var (statistic, p) = regression
            ? Significance.Welch(c.Value, c.Variance, c.Samples, t.Value, t.Variance, t.Samples)
            : Significance.TwoProportion((long)Math.Round(c.Value * c.Samples), c.Samples, (long)Math.Round(t.Value * t.Samples), t.Samples);
        var treatmentBetter = regression ? t.Value < c.Value : t.Value > c.Value;
        var verdict = p >= alpha ? "no_significant_difference" : treatmentBetter ? "treatment_better" : "control_better";
        return new AbTestReport([c, t], regression ? "welch_t" : "two_proportion_z", statistic, p, alpha, minSamples, verdict);
    }

    private static AbVariantOutcome Summary(string variant, List<double> values, string metric)
    {
        var mean = values.Count == 0 ? double.NaN : values.Average();
        var variance = values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new AbVariantOutcome(variant, values.Count, metric, mean, variance);
    }

    // NOTE: 1/0 for a right/wrong class or label; the absolute error (flagged) for a regression value.
    internal static (double Value, bool IsError)? Outcome(string output, string label)
    {
        using var json = JsonDocument.Parse(output);
        var o = json.RootElement;
        if (o.TryGetProperty("label", out var predicted) && predicted.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Truth(label) is { } truth ? (predicted.GetBoolean() == truth ? 1 : 0, false) : null;
        }

        if (o.TryGetProperty("class", out var cls) && cls.ValueKind == JsonValueKind.String)
        {
            return (cls.GetString() == label ? 1 : 0, false);
        }

        return o.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Number
            && double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual)
            ? (Math.Abs(value.GetDouble() - actual), true)
            : null;
    }

    internal static bool? Truth(string label) => label.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };
}
