namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Kuiper's two-sample test, the circular counterpart of Kolmogorov-Smirnov: its statistic V = max(F - G) + max(G - F)
/// does not depend on where the circle is cut, so a cyclic column (hour of day) is compared without a wrap-around at 0.
/// </summary>
public static class Kuiper
{
    /// <summary>
    /// V and its asymptotic p-value (Stephens' correction, as in Numerical Recipes' <c>kuiper2</c>) for two samples
    /// sorted ascending; values may lie anywhere on the line, only their order matters.
    /// </summary>
    public static (double Statistic, double PValue) TwoSampleSorted(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("Kuiper's test needs two non-empty samples.");
        double above = 0, below = 0;
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Count && a[i] == x) i++;
            while (j < b.Count && b[j] == x) j++;
            var d = i / (double)a.Count - j / (double)b.Count;
            (above, below) = (Math.Max(above, d), Math.Max(below, -d));
        }

        var v = above + below;
        var n = Math.Sqrt(a.Count * (double)b.Count / (a.Count + b.Count));
        return (v, Tail((n + 0.155 + 0.24 / n) * v));
    }

    /// <summary>Q_KP(λ) = 2 Σ (4j²λ² − 1) exp(−2j²λ²), 1 for λ &lt; 0.4 where the series is 1 to double precision.</summary>
    internal static double Tail(double lambda)
    {
        if (lambda < 0.4) return 1.0;
        double sum = 0;
        for (var j = 1; j <= 100; j++)
        {
            var jl = j * j * lambda * lambda;
            var term = (4 * jl - 1) * Math.Exp(-2 * jl);
            sum += term;
            if (Math.Abs(term) <= 1e-16 * Math.Abs(sum)) break;
        }

        return Math.Clamp(2 * sum, 0.0, 1.0);
    }
}
