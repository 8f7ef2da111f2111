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
        var (best, bestF1) = DecisionThreshold.BestF1([.. labelled.Select(o => o.Truth ? 1.0 : 0.0)], [.. labelled.Select(o => o.Score)]) ?? (1, 0);
        return check with { Moved = true, ThresholdF1 = F1(labelled, threshold), BestThreshold = best, BestF1 = bestF1 };
    }

    /// <summary>The reason line of a moved base rate (null when it did not move).</summary>
    public static string? Finding(BaseRateCheck? check) => check is { Moved: true } c
        ? string.Create(CultureInfo.InvariantCulture,
            $"Base rate moved: {c.ObservedPositiveRate:P1} positive labels (95% CI {c.ObservedPositiveInterval!.Value.Lower:P1}-{c.ObservedPositiveInterval.Value.Upper:P1}) against {c.ExpectedPositiveRate:P1} in the baseline's holdout; the threshold {c.Threshold:0.####} predicts {c.ObservedPredictedPositiveRate:P1} positive (holdout {c.ExpectedPredictedPositiveRate:P1}) with F1 {c.ThresholdF1:0.###} on the window's labels, where {c.BestThreshold:0.####} would give {c.BestF1:0.###}.")
        : null;

    private static double F1((double Score, bool Truth)[] outcomes, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (score, truth) in outcomes)
        {
            var predicted = score >= threshold;
            if (predicted && truth) tp++;
            else if (predicted) fp++;
            else if (truth) fn++;
        }

        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
