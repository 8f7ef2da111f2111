namespace Pipeline.Monitoring.Performance;

/// <summary>
/// Confidence-based performance estimation (the idea of NannyML's CBPE) for a binary classifier: with calibrated
/// P(y = 1) = p and decision threshold t, each prediction contributes p to the expected true positives (ŷ = 1) or
/// false negatives (ŷ = 0) and 1 - p to the false positives or true negatives.
/// </summary>
internal static class ConfidenceBasedPerformanceEstimator
{
    /// <summary>Expected metrics from calibrated positive-class probabilities.</summary>
    public static PerformanceEstimate Estimate(IReadOnlyList<double> probabilities, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        double tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var p in probabilities)
        {
            if (p is < 0 or > 1 || double.IsNaN(p))
            {
                throw new ArgumentException($"Calibrated probabilities must lie in [0, 1], got {p}.");
            }

            if (p >= threshold) { tp += p; fp += 1 - p; }
            else { fn += p; tn += 1 - p; }
        }

        var n = probabilities.Count;
        var accuracy = n == 0 ? double.NaN : (tp + tn) / n;
        var precision = tp + fp == 0 ? double.NaN : tp / (tp + fp);
        var recall = tp + fn == 0 ? double.NaN : tp / (tp + fn);
        var f1 = 2 * tp + fp + fn == 0 ? double.NaN : 2 * tp / (2 * tp + fp + fn);
        return new PerformanceEstimate(n, accuracy, precision, recall, f1);
    }
}
