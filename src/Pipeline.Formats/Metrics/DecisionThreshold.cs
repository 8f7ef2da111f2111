namespace Pipeline.Formats.Metrics;

/// <summary>
/// The one rule for a binary model's decision threshold, shared by training (Ml's <c>BinaryMetrics</c>, on the
/// validation split) and Monitor's re-check on labelled traffic, so both name the same threshold for the same rows.
/// </summary>
public static class DecisionThreshold
{
    /// <summary>
    /// The probability threshold with the highest F1 (predict positive when score ≥ threshold) and that F1: every distinct
    /// score is a candidate, scanned from the highest down; ties keep the higher threshold. Null when no label is positive.
    /// </summary>
    /// <param name="labels">1 for a positive row, 0 for a negative one.</param>
    /// <param name="scores">The model's scores, one per label.</param>
    public static (double Threshold, double F1)? BestF1(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        var positives = labels.Sum();
        if (positives == 0) return null;
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        double tp = 0, predicted = 0, best = scores[order[0]], bestF1 = -1;
        for (var i = 0; i < order.Length; i++)
        {
            predicted++;
            tp += labels[order[i]];
            if (i + 1 < order.Length && scores[order[i + 1]] == scores[order[i]]) continue;
            var f1 = 2 * tp / (predicted + positives);
            if (f1 > bestF1) (best, bestF1) = (scores[order[i]], f1);
        }

        return (best, bestF1);
    }

    /// <summary>
    /// The threshold with the lowest expected cost when a false negative costs <paramref name="costFnFp"/> false
    /// positives (predict positive when score ≥ threshold), and that cost per row in false-positive units: every distinct
    /// score is a candidate, scanned from the highest down; ties keep the higher threshold. Null when no label is positive.
    /// </summary>
    /// <param name="labels">1 for a positive row, 0 for a negative one.</param>
    /// <param name="scores">The model's scores, one per label.</param>
    /// <param name="costFnFp">Cost of a false negative over that of a false positive (above 0).</param>
    public static (double Threshold, double Cost)? MinCost(IReadOnlyList<double> labels, IReadOnlyList<double> scores, double costFnFp)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (!(costFnFp > 0) || double.IsInfinity(costFnFp)) throw new ArgumentOutOfRangeException(nameof(costFnFp), costFnFp, "The cost ratio must be a finite number above 0.");
        var positives = labels.Sum();
        if (positives == 0) return null;
        var order = Enumerable.Range(0, scores.Count).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));
        double tp = 0, fp = 0, best = scores[order[0]], bestCost = double.PositiveInfinity;
        for (var i = 0; i < order.Length; i++)
        {
            if (labels[order[i]] > 0) tp++;
            else fp++;
            if (i + 1 < order.Length && scores[order[i + 1]] == scores[order[i]]) continue;
            var cost = fp + costFnFp * (positives - tp);
            if (cost < bestCost) (best, bestCost) = (scores[order[i]], cost);
        }

        return (best, bestCost / order.Length);
    }

    /// <summary>
    /// Expected cost per row at <paramref name="threshold"/> on <see cref="MinCost"/>'s scale: a false positive costs 1,
    /// a false negative <paramref name="costFnFp"/> (with 1, the error rate).
    /// </summary>
    public static double Cost(IReadOnlyList<double> labels, IReadOnlyList<double> scores, double threshold, double costFnFp)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        double cost = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = scores[i] >= threshold;
            if (predicted && labels[i] <= 0) cost++;
            else if (!predicted && labels[i] > 0) cost += costFnFp;
        }

        return labels.Count == 0 ? 0 : cost / labels.Count;
    }

    /// <summary>How a <see cref="MinCost"/> choice is named in model.json and monitoring reports: <c>min_cost(cost_fn_fp=r)</c>.</summary>
    public static string MinCostRule(double costFnFp) => FormattableString.Invariant($"min_cost(cost_fn_fp={costFnFp:0.####})");
}
