using Pipeline.Monitoring.Performance;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Reports;

/// <summary>ROC AUC as the Mann-Whitney statistic (ties count half) with the Hanley-McNeil (1982) 95% interval.</summary>
public static class RocAuc
{
    /// <summary>The AUC of scores against boolean truths and its interval; null when a class has fewer than <paramref name="minimumPerClass"/>.</summary>
    public static (double Auc, WilsonInterval Interval)? Compute(IReadOnlyList<(double Score, bool Positive)> scored, int minimumPerClass)
    {
        if (WithStandardError(scored, minimumPerClass) is not var (auc, se)) return null;
        var half = WilsonInterval.Z95 * se;
        return (auc, new WilsonInterval(Math.Max(0, auc - half), Math.Min(1, auc + half)));
    }

    /// <summary>
    /// The AUC and its Hanley-McNeil standard error (e.g. for a z-test between two independent samples); null when a
    /// class has fewer than <paramref name="minimumPerClass"/>.
    /// </summary>
    public static (double Auc, double StandardError)? WithStandardError(IReadOnlyList<(double Score, bool Positive)> scored, int minimumPerClass)
    {
        var positives = scored.Count(s => s.Positive);
        var negatives = scored.Count - positives;
        if (positives < minimumPerClass || negatives < minimumPerClass) return null;
        var (positiveRankSum, _) = MannWhitney.PositiveRankSum(scored);
        double n1 = positives, n0 = negatives;
        var auc = (positiveRankSum - n1 * (n1 + 1) / 2) / (n1 * n0);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = (auc * (1 - auc) + (n1 - 1) * (q1 - auc * auc) + (n0 - 1) * (q2 - auc * auc)) / (n1 * n0);
        return (auc, Math.Sqrt(Math.Max(0, variance)));
    }
}
