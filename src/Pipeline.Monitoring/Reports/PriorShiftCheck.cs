using System.Globalization;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>Computes <see cref="PriorShift"/> for a window of binary predictions with feedback.</summary>
internal static class PriorShiftCheck
{
    /// <summary>Null without an expected base rate, without labelled probabilities, or below <paramref name="minimumLabels"/>.</summary>
    public static PriorShift? Compute(PredictionWindow window, double? expectedRate, double threshold, int minimumLabels)
    {
        if (expectedRate is not (> 0 and < 1) || !(threshold is > 0 and < 1)) return null;
        var labelled = window.Predictions
            .Where(p => p.Probability is not null && LabelText.TryParseBoolean(p.FeedbackLabel) is not null)
            .Select(p => (Score: p.Probability!.Value, Positive: LabelText.TryParseBoolean(p.FeedbackLabel)!.Value))
            .ToArray();
        if (labelled.Length == 0 || labelled.Length < minimumLabels) return null;
        var positives = labelled.Count(o => o.Positive);
        var observed = positives / (double)labelled.Length;
        var interval = WilsonInterval.Of(positives, labelled.Length);
        var scored = window.Predictions.Where(p => p.Probability is not null).ToArray();
        var adjusted = Adjusted(threshold, expectedRate.Value, observed);
        return new PriorShift(
            expectedRate.Value, observed, interval, scored.Count(p => p.Probability >= threshold) / (double)scored.Length,
            expectedRate < interval.Lower || expectedRate > interval.Upper,
            threshold, adjusted, Accuracy(labelled, threshold), Accuracy(labelled, adjusted));
    }

    /// <summary>
    /// The threshold on scores calibrated at base rate <paramref name="from"/> that decides as <paramref name="threshold"/>
    /// would at base rate <paramref name="to"/>: odds(t') = odds(t) · odds(from) / odds(to).
    /// </summary>
    public static double Adjusted(double threshold, double from, double to)
    {
        if (to is <= 0 or >= 1) return threshold;
        var odds = Odds(threshold) * Odds(from) / Odds(to);
        return odds / (1 + odds);
    }

    /// <summary>The one-line finding for a moved base rate.</summary>
    public static string Finding(PriorShift shift) => string.Create(CultureInfo.InvariantCulture,
        $"Base rate moved: {shift.ObservedPositiveRate:0.####} of the labelled traffic is positive (95% CI {shift.ObservedInterval.Lower:0.####}-{shift.ObservedInterval.Upper:0.####}), " +
        $"the model's threshold {shift.Threshold:0.####} was chosen for {shift.ExpectedPositiveRate:0.####}; for the observed rate it would be {shift.AdjustedThreshold:0.####} " +
        $"(accuracy on this window {shift.AccuracyAtThreshold:0.####} at the threshold, {shift.AccuracyAtAdjusted:0.####} adjusted): retrain or re-threshold on recent traffic.");

    private static double Odds(double p) => p / (1 - p);

    private static double Accuracy((double Score, bool Positive)[] labelled, double threshold) =>
        labelled.Count(o => (o.Score >= threshold) == o.Positive) / (double)labelled.Length;
}
