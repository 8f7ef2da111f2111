using System.Globalization;
using Pipeline.Formats.Metrics;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>Computes the <see cref="BaseRateCheck"/> of a window of a binary model.</summary>
internal static class BaseRateAnalysis
{
    /// <summary>The check, or null when the window has no binary probabilities.</summary>
    public static BaseRateCheck? Compute(PredictionWindow window, BaselineMetrics baseline, double threshold, MonitoringOptions options)
    {
        var scored = window.Predictions.Where(p => p.Probability is not null && p.PredictedClass is null).ToArray();
        if (scored.Length == 0) return null;
        var labelled = scored
            .Select(p => (Score: p.Probability!.Value, Truth: LabelText.TryParseBoolean(p.FeedbackLabel)))
            .Where(o => o.Truth is not null).Select(o => (o.Score, Truth: o.Truth!.Value)).ToArray();
        var check = new BaseRateCheck
        {
            Threshold = threshold, ExpectedPositiveRate = baseline.PositiveRate, ExpectedPredictedPositiveRate = baseline.PredictedPositiveRate,
            ObservedPredictedPositiveRate = scored.Count(p => p.Probability >= threshold) / (double)scored.Length,
            Labelled = labelled.Length, Moved = false,
        };
        if (labelled.Length == 0) return check;
        var positives = labelled.Count(o => o.Truth);
        var interval = WilsonInterval.Of(positives, labelled.Length);
        check = check with { ObservedPositiveRate = positives / (double)labelled.Length, ObservedPositiveInterval = interval };
        if (labelled.Length < options.MinimumLabels || baseline.PositiveRate is not { } expected || (expected >= interval.Lower && expected <= interval.Upper)) return check;
        var ratio = options.CostFnFp ?? 1;
        var (truths, scores) = (labelled.Select(o => o.Truth ? 1.0 : 0.0).ToArray(), labelled.Select(o => o.Score).ToArray());
        var (best, bestCost) = DecisionThreshold.MinCost(truths, scores, ratio) ?? (1, DecisionThreshold.Cost(truths, scores, 1, ratio));
        var cost = DecisionThreshold.Cost(truths, scores, threshold, ratio);
        return check with
        {
            Moved = true, Rule = DecisionThreshold.MinCostRule(ratio),
            ThresholdCost = cost, BestThreshold = best, BestCost = bestCost,
            Stale = baseline.TrafficRows is null || cost - bestCost > options.Tolerance,
        };
    }

    /// <summary>The reason line of a moved base rate (null when it did not move).</summary>
    public static string? Finding(BaseRateCheck? check) => check is { Moved: true } c
        ? string.Create(CultureInfo.InvariantCulture,
            $"Base rate moved: {c.ObservedPositiveRate:P1} positive labels (95% CI {c.ObservedPositiveInterval!.Value.Lower:P1}-{c.ObservedPositiveInterval.Value.Upper:P1}) against {c.ExpectedPositiveRate:P1} in the baseline's holdout; the threshold {c.Threshold:0.####} predicts {c.ObservedPredictedPositiveRate:P1} positive (holdout {c.ExpectedPredictedPositiveRate:P1}) at an expected cost of {c.ThresholdCost:0.####} per labelled prediction ({c.Rule}), where {c.BestThreshold:0.####} would give {c.BestCost:0.####}{(c.Stale ? "" : "; the model was fitted on labelled traffic and its threshold is within monitor.tolerance of the best, so the move alone does not retrain it")}.")
        : null;
}
