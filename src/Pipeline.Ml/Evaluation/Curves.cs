namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Points of the curves for plotting: binary ROC, precision-recall and the reliability diagram; regression's binned
/// predicted-vs-actual and its error characteristic (share of rows within each absolute error).
/// </summary>
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

    /// <summary>
    /// Regression's predicted vs actual, binned: the rows in predicted order cut into <paramref name="bins"/> groups of
    /// (nearly) equal size, each group's mean predicted and mean actual value (on the diagonal when unbiased).
    /// </summary>
    public static (double[] X, double[] Y) BinnedPredictedVsActual(double[] actual, double[] predicted, int bins = 10)
    {
        var order = Enumerable.Range(0, predicted.Length).OrderBy(i => predicted[i]).ThenBy(i => i).ToArray();
        var groups = Math.Min(bins, order.Length);
        var xs = new double[groups];
        var ys = new double[groups];
        for (var g = 0; g < groups; g++)
        {
            var from = g * order.Length / groups;
            var to = (g + 1) * order.Length / groups;
            xs[g] = Enumerable.Range(from, to - from).Average(k => predicted[order[k]]);
            ys[g] = Enumerable.Range(from, to - from).Average(k => actual[order[k]]);
        }

        return (xs, ys);
    }

    /// <summary>
    /// Regression error characteristic: from (0, share of exact predictions) to (largest absolute error, 1), the share
    /// of rows whose absolute error is at most x (higher and further left is better; at most 1000 points).
    /// </summary>
    public static (double[] X, double[] Y) ErrorCharacteristic(double[] actual, double[] predicted)
    {
        var errors = actual.Select((a, i) => Math.Abs(a - predicted[i])).Order().ToArray();
        var points = new List<(double X, double Y)> { (0, 0) };
        for (var i = 0; i < errors.Length; i++)
        {
            if (i + 1 == errors.Length || errors[i + 1] != errors[i]) points.Add((errors[i], (i + 1) / (double)errors.Length));
        }

        var step = Math.Max(1, points.Count / MaxPoints);
        var thinned = points.Where((_, i) => i % step == 0 || i == points.Count - 1).ToList();
        return (thinned.Select(q => q.X).ToArray(), thinned.Select(q => q.Y).ToArray());
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
