namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Two-sample Kolmogorov-Smirnov test, a port of <c>scipy.stats.ks_2samp</c> (SciPy 1.10):
/// the same statistic, the same choice between exact and asymptotic p-values, the same fallbacks.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>Largest sample size for which <see cref="KsMethod.Auto"/> picks the exact distribution.</summary>
    public const int MaxAutoExactSize = 10_000;

    /// <summary>Runs the test on two non-empty samples (NaN values are not allowed).</summary>
    public static KsResult TwoSample(
        IReadOnlyList<double> x, IReadOnlyList<double> y,
        KsAlternative alternative = KsAlternative.TwoSided, KsMethod method = KsMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
        {
            throw new ArgumentException("Both samples of a Kolmogorov-Smirnov test must be non-empty.");
        }

        return TwoSampleSorted(Sorted(x), Sorted(y), alternative, method);
    }

    /// <summary>
    /// The test on two non-empty, ascending, NaN-free samples (as <see cref="RadixSort"/> leaves them); callers that
    /// already hold sorted data (drift, which sorts each column once) skip the copy and the sort.
    /// </summary>
    internal static KsResult TwoSampleSorted(
        double[] data1, double[] data2, KsAlternative alternative = KsAlternative.TwoSided, KsMethod method = KsMethod.Auto)
    {
        var (d, location, sign) = Statistic(data1, data2, alternative);
        long n1 = data1.Length, n2 = data2.Length;
        var g = Gcd(n1, n2);

        if (method == KsMethod.Auto)
        {
            method = Math.Max(n1, n2) <= MaxAutoExactSize ? KsMethod.Exact : KsMethod.Asymptotic;
        }
        else if (method == KsMethod.Exact && n1 / g >= int.MaxValue / (double)(n2 / g))
        {
            method = KsMethod.Asymptotic;
        }

        var p = double.NaN;
        if (method == KsMethod.Exact)
        {
            var lcm = n1 / g * n2;
            var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            d = h * 1.0 / lcm;
            if (!SmirnovTwoSampleExact.TryProbability(n1, n2, g, h, alternative, out p))
            {
                method = KsMethod.Asymptotic;
            }
        }

        if (method == KsMethod.Asymptotic)
        {
            p = AsymptoticProbability(n1, n2, d, alternative);
        }

        return new KsResult(d, Math.Clamp(p, 0.0, 1.0), location, sign, method);
    }

    private static double AsymptoticProbability(long n1, long n2, double d, KsAlternative alternative)
    {
        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var en = m * n / (m + n);
        if (alternative == KsAlternative.TwoSided)
        {
            return KolmogorovDistribution.Survival((long)Math.Round(en, MidpointRounding.ToEven), d);
        }

        // NOTE: Hodges' approximation, eq. 5.3; m must be the larger sample size.
        var z = Math.Sqrt(en) * d;
        var exponent = -2 * z * z - 2 * z * (m + 2 * n) / Math.Sqrt(m * n * (m + n)) / 3.0;
        return Math.Exp(exponent);
    }

    private static (double D, double Location, int Sign) Statistic(double[] data1, double[] data2, KsAlternative alternative)
    {
        // NOTE: walks data_all = concat(sorted x, sorted y) in SciPy's order so argmin/argmax ties resolve alike.
        double n1 = data1.Length, n2 = data2.Length;
        double minDiff = double.PositiveInfinity, maxDiff = double.NegativeInfinity, minLoc = 0, maxLoc = 0;
        foreach (var source in new[] { data1, data2 })
        {
            // NOTE: source is ascending, so both upper-bound indices only move forward (O(n) per pass).
            int i1 = 0, i2 = 0;
            foreach (var v in source)
            {
                while (i1 < data1.Length && data1[i1] <= v) i1++;
                while (i2 < data2.Length && data2[i2] <= v) i2++;
                var diff = i1 / n1 - i2 / n2;
                if (diff < minDiff) { minDiff = diff; minLoc = v; }
                if (diff > maxDiff) { maxDiff = diff; maxLoc = v; }
            }
        }

        var minS = Math.Clamp(-minDiff, 0.0, 1.0);
        return alternative == KsAlternative.Less || (alternative == KsAlternative.TwoSided && minS > maxDiff)
            ? (minS, minLoc, -1)
            : (maxDiff, maxLoc, 1);
    }

    private static double[] Sorted(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = double.IsNaN(values[i])
                ? throw new ArgumentException("Kolmogorov-Smirnov samples must not contain NaN.")
                : values[i];
        }

        RadixSort.Sort(copy);
        return copy;
    }

    /// <summary>Number of elements of the sorted array that are &lt;= value (numpy searchsorted side='right').</summary>
    internal static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
