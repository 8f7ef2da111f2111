namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// The Mann-Whitney rank-sum comparison of two samples of scores, read as a ROC AUC: the probability that a positive
/// outscores a negative (ties count half), with the standard deviation of that AUC when both samples come from one
/// distribution (tie-corrected) and the one-sided p-value of AUC &gt; 0.5 (normal approximation).
/// </summary>
internal static class MannWhitney
{
    /// <summary>The AUC of <paramref name="positives"/> over <paramref name="negatives"/>, its null standard deviation and one-sided p-value.</summary>
    public static (double Auc, double NullSd, double PValue) Compare(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        ArgumentNullException.ThrowIfNull(negatives);
        double n1 = positives.Count, n0 = negatives.Count;
        if (n1 == 0 || n0 == 0) return (0.5, double.NaN, 1.0);
        var scored = positives.Select(s => (Score: s, Positive: true)).Concat(negatives.Select(s => (Score: s, Positive: false))).ToArray();
        var (rankSum, ties) = PositiveRankSum(scored);
        var auc = (rankSum - n1 * (n1 + 1) / 2) / (n1 * n0);
        var n = n1 + n0;
        // NOTE: var(U) = n1 n0 / 12 ((n + 1) - sum(t^3 - t) / (n (n - 1))), the tie-corrected null variance.
        var varianceU = n1 * n0 / 12 * (n + 1 - (n > 1 ? ties / (n * (n - 1)) : 0));
        var sd = Math.Sqrt(Math.Max(0, varianceU)) / (n1 * n0);
        if (sd == 0) return (auc, 0, auc > 0.5 ? 0 : 1);
        var z = (auc - 0.5) / sd;
        var p = z <= 0 ? 1 - 0.5 * ChiSquare.Survival(z * z, 1) : 0.5 * ChiSquare.Survival(z * z, 1);
        return (auc, sd, p);
    }

    /// <summary>The sum of the positives' ranks (ties get their average rank) and the tie term sum(t^3 - t) over tied groups.</summary>
    public static (double RankSum, double Ties) PositiveRankSum(IReadOnlyList<(double Score, bool Positive)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var ordered = scored.OrderBy(s => s.Score).ToArray();
        double positiveRankSum = 0, ties = 0;
        for (var i = 0; i < ordered.Length;)
        {
            var j = i;
            while (j < ordered.Length && ordered[j].Score == ordered[i].Score) j++;
            var averageRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (ordered[k].Positive) positiveRankSum += averageRank;
            }

            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }

        return (positiveRankSum, ties);
    }
}
