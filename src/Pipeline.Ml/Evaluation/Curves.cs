namespace Pipeline.Ml.Evaluation;

/// <summary>Points of the binary curves for plotting: ROC, precision-recall and the reliability diagram.</summary>
internal static class Curves
{
    private const int MaxPoints = 1000;

    /// <summary>ROC points (false positive rate, true positive rate) from (0,0) to (1,1).</summary>
    public static (double[] X, double[] Y) Roc(double[] labels, double[] scores) => Sweep(labels, scores, (tp, fp, p, n) => (n == 0 ? 0 : fp / n, p == 0 ? 0 : tp / p), (0, 0));

    /// <summary>Precision-recall points (recall, precision).</summary>
    public static (double[] X, double[] Y) PrecisionRecall(double[] labels, double[] scores) => Sweep(labels, scores, (tp, fp, p, n) => (p == 0 ? 0 : tp / p, tp / (tp + fp)), null);

    /// <summary>Reliability diagram: per non-empty tenth of [0,1], the mean predicted probability and the observed positive rate.</summary>
    public static (double[] X, double[] Y) Calibration(double[] labels, double[] scores, int bins = 10)
    {
        var sum = new double[bins];
        var positives = new double[bins];
        var count = new int[bins];
        for (var i = 0; i < scores.Length; i++)
        {
            var b = Math.Clamp((int)(scores[i] * bins), 0, bins - 1);
            sum[b] += scores[i];
            positives[b] += labels[i];
            count[b]++;
        }

        var used = Enumerable.Range(0, bins).Where(b => count[b] > 0).ToList();
        return (used.Select(b => sum[b] / count[b]).ToArray(), used.Select(b => positives[b] / count[b]).ToArray());
    }

    private static (double[] X, double[] Y) Sweep(double[] labels, double[] scores, Func<double, double, double, double, (double, double)> point, (double, double)? start)
    {
        var order = BinaryMetrics.DescendingOrder(scores);
        var p = labels.Sum();
        var n = labels.Length - p;
        var points = new List<(double X, double Y)>();
        if (start is { } s)
        {
            points.Add(s);
        }

        double tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            tp += labels[order[i]];
            fp += 1 - labels[order[i]];
            if (i + 1 == order.Length || scores[order[i + 1]] != scores[order[i]])
            {
                points.Add(point(tp, fp, p, n));
            }
        }

        var step = Math.Max(1, points.Count / MaxPoints);
        var thinned = points.Where((_, i) => i % step == 0 || i == points.Count - 1).ToList();
        return (thinned.Select(q => q.X).ToArray(), thinned.Select(q => q.Y).ToArray());
    }
}
