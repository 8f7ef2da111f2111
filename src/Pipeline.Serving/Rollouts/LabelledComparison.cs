using System.Globalization;
using System.Text.Json;
using Pipeline.Monitoring.Reports;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Judges a canary on outcomes: the stable model's and the canary's logged predictions since the rollout started,
/// joined with their feedback labels on request_id (labels may arrive late: each tick reads them again), compared by
/// <see cref="AbTestAnalysis.Judge"/> (accuracy at the model's threshold, or absolute error) and, for binary models,
/// by ROC AUC (z-test on the difference of two independent AUCs, Hanley and McNeil's standard errors). The canary is
/// worse when either is significantly worse at <see cref="RolloutPlan.Alpha"/>.
/// </summary>
internal static class LabelledComparison
{
    /// <summary>
    /// Reads the labelled outcomes of the live model (logged as <paramref name="stable"/>) and the canary since
    /// <paramref name="since"/> and judges them.
    /// </summary>
    public static async Task<LabelledVerdict> RunAsync(PredictionStore store, RolloutPlan plan, string stable, DateTimeOffset since, CancellationToken cancel)
    {
        var rows = await store.OutcomesAsync([stable, "canary"], since, cancel);
        return Judge(Parse(rows, stable), Parse(rows, "canary"), plan.MinSamples, plan.Alpha);
    }

    /// <summary>Judges per-row outcomes: is-correct (or absolute error) and, for binary models, score and truth.</summary>
    public static LabelledVerdict Judge(IReadOnlyList<LabelledOutcome> stable, IReadOnlyList<LabelledOutcome> canary, int minSamples, double alpha)
    {
        var test = AbTestAnalysis.Judge([.. stable.Select(o => (o.Value, o.IsError))], [.. canary.Select(o => (o.Value, o.IsError))], minSamples, alpha);
        var (s, c) = (test.Variants[0], test.Variants[1]);
        if (test.Verdict == "insufficient_data")
        {
            return new LabelledVerdict(false, false, Format("labelled predictions: stable {0}, canary {1} (need {2} each)", s.Samples, c.Samples, minSamples));
        }

        var metric = Format("{0} {1:F4} vs stable {2:F4} (p {3:F4})", c.Metric, c.Value, s.Value, test.P);
        if (test.Verdict == "control_better")
        {
            return new LabelledVerdict(true, true, Format("canary significantly worse on labelled traffic: {0}, {1} vs {2} labelled predictions", metric, c.Samples, s.Samples));
        }

        if (Auc(stable) is { } sa && Auc(canary) is { } ca)
        {
            var se = Math.Sqrt((sa.Se * sa.Se) + (ca.Se * ca.Se));
            var z = se == 0 ? 0 : (ca.Auc - sa.Auc) / se;
            var p = Significance.Erfc(Math.Abs(z) / Math.Sqrt(2));
            metric += Format(", AUC {0:F4} vs {1:F4} (p {2:F4})", ca.Auc, sa.Auc, p);
            if (p < alpha && z < 0)
            {
                return new LabelledVerdict(true, true, Format("canary significantly worse on labelled traffic: {0}, {1} vs {2} labelled predictions", metric, c.Samples, s.Samples));
            }
        }

        return new LabelledVerdict(true, false, Format("labelled: {0}, {1} vs {2} labelled predictions", metric, c.Samples, s.Samples));
    }

    /// <summary>ROC AUC (ties count half) with its Hanley-McNeil standard error; null without both classes or scores.</summary>
    internal static (double Auc, double Se)? Auc(IReadOnlyList<LabelledOutcome> outcomes) =>
        RocAuc.WithStandardError([.. outcomes.Where(o => o.Score is not null && o.Positive is not null).Select(o => (o.Score!.Value, o.Positive!.Value))], 1);

    private static List<LabelledOutcome> Parse(IReadOnlyList<(string Variant, string Output, string Label)> rows, string variant) =>
        [.. rows.Where(r => r.Variant == variant).Select(r => Parse(r.Output, r.Label)).OfType<LabelledOutcome>()];

    private static LabelledOutcome? Parse(string output, string label)
    {
        if (AbTestAnalysis.Outcome(output, label) is not { } outcome)
        {
            return null;
        }

        using var json = JsonDocument.Parse(output);
        var score = json.RootElement.TryGetProperty("probability", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : (double?)null;
        return new LabelledOutcome(outcome.Value, outcome.IsError, score, score is null ? null : AbTestAnalysis.Truth(label));
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
