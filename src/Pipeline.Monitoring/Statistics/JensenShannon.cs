namespace Pipeline.Monitoring.Statistics;

/// <summary>Jensen-Shannon distance, <c>scipy.spatial.distance.jensenshannon</c>: sqrt of the JS divergence.</summary>
internal static class JensenShannon
{
    /// <summary>
    /// Distance between two (unnormalised) distributions over the same support; natural log unless
    /// <paramref name="logBase"/> is given (base 2 bounds the distance by 1).
    /// </summary>
    public static double Distance(IReadOnlyList<double> p, IReadOnlyList<double> q, double? logBase = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        if (p.Count != q.Count || p.Count == 0)
        {
            throw new ArgumentException($"Jensen-Shannon needs two non-empty vectors of one length, got {p.Count} and {q.Count}.");
        }

        double ps = p.Sum(), qs = q.Sum(), left = 0, right = 0;
        for (var i = 0; i < p.Count; i++)
        {
            double pi = p[i] / ps, qi = q[i] / qs, m = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, m);
            right += RelativeEntropy(qi, m);
        }

        var js = left + right;
        if (logBase is { } b) js /= Math.Log(b);
        return Math.Sqrt(js / 2.0);
    }

    /// <summary>scipy.special.rel_entr: x log(x/y), 0 at x = 0, +inf where undefined.</summary>
    private static double RelativeEntropy(double x, double y) =>
        x > 0 && y > 0 ? x * Math.Log(x / y) : x == 0 && y >= 0 ? 0.0 : double.PositiveInfinity;
}
