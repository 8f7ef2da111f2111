using Pipeline.Formats.Metrics;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Binary classification metrics from labels (0/1) and positive-class probabilities, optionally weighted per row
/// (the bootstrap passes resample counts). AUC counts ties as one half; PR-AUC is average precision (the step-wise
/// area, as scikit-learn's <c>average_precision_score</c>); a row is predicted positive when its probability is at
/// least the threshold.
/// </summary>
internal static class BinaryMetrics
{
    private const double Epsilon = 1e-15;

    /// <summary>Row indices sorted by score descending (ties by row index), reusable across weightings.</summary>
    public static int[] DescendingOrder(double[] scores)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    /// <summary>Area under the ROC curve.</summary>
    public static double Auc(double[] labels, double[] scores, int[] order, double[]? weights = null)
    {
        double positives = 0, negatives = 0, area = 0;
        foreach (var (pos, neg) in Groups(labels, scores, order, weights))
        {
            area += neg * (positives + (pos / 2));
            positives += pos;
            negatives += neg;
        }

        return positives == 0 || negatives == 0 ? double.NaN : area / (positives * negatives);
    }

    /// <summary>Average precision: the sum over distinct thresholds of the recall step times the precision.</summary>
    public static double AveragePrecision(double[] labels, double[] scores, int[] order, double[]? weights = null)
    {
        var total = Enumerable.Range(0, labels.Length).Sum(i => labels[i] * W(weights, i));
        double tp = 0, fp = 0, area = 0, previousRecall = 0;
        foreach (var (pos, neg) in Groups(labels, scores, order, weights))
        {
            tp += pos;
            fp += neg;
            var recall = total == 0 ? 0 : tp / total;
            area += (recall - previousRecall) * (tp / (tp + fp));
            previousRecall = recall;
        }

        return total == 0 ? double.NaN : area;
    }

    /// <summary>The confusion counts at a threshold: [[tn, fp], [fn, tp]] (rows actual, columns predicted).</summary>
    public static double[,] Confusion(double[] labels, double[] scores, double threshold, double[]? weights = null)
    {
        var matrix = new double[2, 2];
        for (var i = 0; i < labels.Length; i++)
        {
            matrix[(int)labels[i], scores[i] >= threshold ? 1 : 0] += W(weights, i);
        }

        return matrix;
    }

    /// <summary>Every binary metric, keyed by its metrics.json name.</summary>
    public static Dictionary<string, double> Compute(double[] labels, double[] scores, double threshold, int[] order, double[]? weights = null)
    {
        var m = Confusion(labels, scores, threshold, weights);
        double tn = m[0, 0], fp = m[0, 1], fn = m[1, 0], tp = m[1, 1];
        var precision = tp + fp == 0 ? 0 : tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (tp + fn);
        double logLoss = 0, brier = 0, total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var w = W(weights, i);
            var p = Math.Clamp(scores[i], Epsilon, 1 - Epsilon);
            logLoss -= w * ((labels[i] * Math.Log(p)) + ((1 - labels[i]) * Math.Log(1 - p)));
            brier += w * (scores[i] - labels[i]) * (scores[i] - labels[i]);
            total += w;
        }

        return new()
        {
            [MetricNames.Auc] = Auc(labels, scores, order, weights),
            [MetricNames.PrAuc] = AveragePrecision(labels, scores, order, weights),
            [MetricNames.F1] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            [MetricNames.Precision] = precision,
            [MetricNames.Recall] = recall,
            [MetricNames.Accuracy] = total == 0 ? double.NaN : (tp + tn) / total,
            [MetricNames.LogLoss] = total == 0 ? double.NaN : logLoss / total,
            [MetricNames.Brier] = total == 0 ? double.NaN : brier / total,
        };
    }

    /// <summary>
    /// The probability threshold with the highest F1 (predict positive when p ≥ threshold); ties go to the higher
    /// threshold (<see cref="DecisionThreshold.BestF1"/>, the rule Monitor re-checks with). 0.5 when there are no positives.
    /// </summary>
    public static double BestF1Threshold(double[] labels, double[] scores) => DecisionThreshold.BestF1(labels, scores)?.Threshold ?? 0.5;

    /// <summary>
    /// The decision threshold on the validation scores: the lowest expected cost when <paramref name="costFnFp"/> (a false
    /// negative's cost over a false positive's, <c>evaluate.cost_fn_fp</c>) is set (<see cref="DecisionThreshold.MinCost"/>),
    /// else <see cref="BestF1Threshold"/>. 0.5 when there are no positives.
    /// </summary>
    public static double Threshold(double[] labels, double[] scores, double? costFnFp) => costFnFp is { } ratio
        ? DecisionThreshold.MinCost(labels, scores, ratio)?.Threshold ?? 0.5
        : BestF1Threshold(labels, scores);

    private static IEnumerable<(double Positive, double Negative)> Groups(double[] labels, double[] scores, int[] order, double[]? weights)
    {
        double pos = 0, neg = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var row = order[i];
            pos += labels[row] * W(weights, row);
            neg += (1 - labels[row]) * W(weights, row);
            if (i + 1 == order.Length || scores[order[i + 1]] != scores[row])
            {
                yield return (pos, neg);
                pos = neg = 0;
            }
        }
    }

    private static double W(double[]? weights, int row) => weights is null ? 1 : weights[row];
}
