namespace Pipeline.Monitoring.Statistics;

/// <summary>1-D first Wasserstein (earth mover's) distance, <c>scipy.stats.wasserstein_distance</c>.</summary>
internal static class Wasserstein
{
    /// <summary>Distance between two empirical distributions, optionally weighted (weights need not sum to 1).</summary>
    public static double Distance(
        IReadOnlyList<double> u, IReadOnlyList<double> v,
        IReadOnlyList<double>? uWeights = null, IReadOnlyList<double>? vWeights = null)
    {
        var (uSorted, uCum) = Prepare(u, uWeights, nameof(u));
        var (vSorted, vCum) = Prepare(v, vWeights, nameof(v));
        if (uCum is null && vCum is null) return DistanceSorted(uSorted, vSorted);
        var all = Merge(uSorted, vSorted);

        var sum = 0.0;
        int iu = 0, iv = 0;
        for (var i = 0; i < all.Length - 1; i++)
        {
            // NOTE: all is ascending, so the upper-bound indices into u and v only move forward.
            while (iu < uSorted.Length && uSorted[iu] <= all[i]) iu++;
            while (iv < vSorted.Length && vSorted[iv] <= all[i]) iv++;
            sum += Math.Abs(Cdf(uSorted.Length, uCum, iu) - Cdf(vSorted.Length, vCum, iv)) * (all[i + 1] - all[i]);
        }

        return sum;
    }

    /// <summary>
    /// Unweighted distance of two non-empty ascending samples by one merge walk (no merged copy); the same terms in
    /// the same order as the walk over the merged array, so the same bits.
    /// </summary>
    internal static double DistanceSorted(double[] u, double[] v)
    {
        // NOTE: NaN sorts first (Array.Sort), and SciPy's sum is then NaN; the walk below needs NaN-free input.
        if (double.IsNaN(u[0]) || double.IsNaN(v[0])) return double.NaN;
        double nu = u.Length, nv = v.Length, sum = 0.0;
        int iu = 0, iv = 0;
        var t = Math.Min(u[0], v[0]);
        while (true)
        {
            var before = iu + iv;
            while (iu < u.Length && u[iu] <= t) iu++;
            while (iv < v.Length && v[iv] <= t) iv++;
            var gap = Math.Abs(iu / nu - iv / nv);
            // NOTE: ties contribute gap * (t - t): zero, or NaN at an infinite value, as the pairwise differences would.
            if (iu + iv - before > 1) sum += gap * (t - t);
            if (iu == u.Length && iv == v.Length) return sum;
            var next = iv == v.Length || (iu < u.Length && u[iu] <= v[iv]) ? u[iu] : v[iv];
            sum += gap * (next - t);
            t = next;
        }
    }

    private static double[] Merge(double[] a, double[] b)
    {
        var all = new double[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length) all[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        while (i < a.Length) all[k++] = a[i++];
        while (j < b.Length) all[k++] = b[j++];
        return all;
    }

    private static double Cdf(int count, double[]? cumulative, int index) =>
        cumulative is null ? index / (double)count : cumulative[index] / cumulative[^1];

    private static (double[] Sorted, double[]? Cumulative) Prepare(IReadOnlyList<double> values, IReadOnlyList<double>? weights, string name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException($"Wasserstein distance needs a non-empty '{name}'.");
        var sorted = values.ToArray();
        if (weights is null)
        {
            RadixSort.Sort(sorted);
            return (sorted, null);
        }

        if (weights.Count != values.Count || weights.Any(w => w < 0 || !double.IsFinite(w)) || weights.Sum() <= 0)
        {
            throw new ArgumentException($"Weights of '{name}' must match its values in length, be finite, non-negative and sum above 0.");
        }

        var w = weights.ToArray();
        Array.Sort(sorted, w);
        var cumulative = new double[w.Length + 1];
        for (var i = 0; i < w.Length; i++) cumulative[i + 1] = cumulative[i] + w[i];
        return (sorted, cumulative);
    }
}
