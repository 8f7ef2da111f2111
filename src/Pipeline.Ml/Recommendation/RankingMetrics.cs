namespace Pipeline.Ml.Recommendation;

/// <summary>
/// Top-k ranking metrics over users, each a ranked list and a set of relevant items, with binary gains:
/// DCG@k = Σ_{i ≤ k, item i relevant} 1 / log2(i + 1), nDCG@k = DCG@k / IDCG where IDCG sums the first min(k, |relevant|)
/// terms; hit rate = 1 when any of the top k is relevant; recall = hits / |relevant|; precision = hits / k;
/// AP@k = Σ_{i ≤ k, item i relevant} (hits in the top i / i) / min(k, |relevant|). Each is averaged over the users with
/// at least one relevant item; coverage is the share of the catalogue that appears in some user's top k.
/// </summary>
internal static class RankingMetrics
{
    /// <summary>nDCG at <paramref name="k"/> of one user (NaN without relevant items): the unit the paired bootstrap resamples.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        if (relevant.Count == 0) return double.NaN;
        double dcg = 0, idcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.Contains(ranked[i])) dcg += 1 / Math.Log2(i + 2);
        }

        for (var i = 0; i < Math.Min(k, relevant.Count); i++) idcg += 1 / Math.Log2(i + 2);
        return dcg / idcg;
    }

    /// <summary>The metrics at <paramref name="k"/>; rankings longer than k are cut to k.</summary>
    public static RankingScores Compute(IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlySet<string> Relevant)> users, int k, int catalogueSize)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        double ndcg = 0, hit = 0, recall = 0, precision = 0, map = 0;
        var evaluated = 0;
        var recommended = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (ranked, relevant) in users)
        {
            var top = ranked.Take(k).ToList();
            recommended.UnionWith(top);
            if (relevant.Count == 0) continue;
            evaluated++;
            double dcg = 0, ap = 0;
            var hits = 0;
            for (var i = 0; i < top.Count; i++)
            {
                if (!relevant.Contains(top[i])) continue;
                hits++;
                dcg += 1 / Math.Log2(i + 2);
                ap += (double)hits / (i + 1);
            }

            var ideal = Math.Min(k, relevant.Count);
            double idcg = 0;
            for (var i = 0; i < ideal; i++) idcg += 1 / Math.Log2(i + 2);
            ndcg += dcg / idcg;
            hit += hits > 0 ? 1 : 0;
            recall += (double)hits / relevant.Count;
            precision += (double)hits / k;
            map += ap / ideal;
        }

        double Mean(double sum) => evaluated == 0 ? double.NaN : sum / evaluated;
        return new RankingScores(k, evaluated, Mean(ndcg), Mean(hit), Mean(recall), Mean(precision), Mean(map), catalogueSize == 0 ? double.NaN : (double)recommended.Count / catalogueSize);
    }
}
