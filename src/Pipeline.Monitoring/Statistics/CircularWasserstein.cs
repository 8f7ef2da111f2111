namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// The Wasserstein-1 (earth mover's) distance on a circle of circumference <c>period</c>: mass may travel either way
/// round, so 23:00 and 00:00 are one hour apart, not 23. W = min over c of ∫ |F(x) − G(x) − c| dx, the minimum at a
/// weighted median of F − G (Rabin, Delon and Gousseau, "Transportation distances on the circle", 2011).
/// </summary>
public static class CircularWasserstein
{
    /// <summary>The distance between two samples (any real values; taken modulo <paramref name="period"/>).</summary>
    public static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b, double period)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("The circular Wasserstein distance needs two non-empty samples.");
        if (!(period > 0)) throw new ArgumentException($"The period must be positive, got {period}.");
        var (x, y) = (Wrapped(a, period), Wrapped(b, period));
        // NOTE: F − G is constant between consecutive distinct points; the arc from the last point round to the first
        // has F − G = 0 (both CDFs are 1 after the last point and 0 before the first).
        var pieces = new List<(double Difference, double Length)>();
        int i = 0, j = 0;
        var first = Math.Min(x[0], y[0]);
        var previous = first;
        var difference = 0.0;
        while (i < x.Length || j < y.Length)
        {
            var point = Math.Min(i < x.Length ? x[i] : double.PositiveInfinity, j < y.Length ? y[j] : double.PositiveInfinity);
            if (point > previous) pieces.Add((difference, point - previous));
            while (i < x.Length && x[i] == point) i++;
            while (j < y.Length && y[j] == point) j++;
            (difference, previous) = (i / (double)x.Length - j / (double)y.Length, point);
        }

        pieces.Add((0.0, period - previous + first));
        var median = WeightedMedian(pieces);
        return pieces.Sum(p => Math.Abs(p.Difference - median) * p.Length);
    }

    /// <summary>
    /// The circular standard deviation √(−2 ln R) · period / 2π (R = mean resultant length), at most that of a uniform
    /// spread (period / √12), which it tends to infinity instead of as R → 0.
    /// </summary>
    public static double StandardDeviation(IReadOnlyList<double> values, double period)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sin = 0, cos = 0;
        foreach (var v in values)
        {
            var angle = 2 * Math.PI * v / period;
            (sin, cos) = (sin + Math.Sin(angle), cos + Math.Cos(angle));
        }

        var r = Math.Sqrt(sin * sin + cos * cos) / values.Count;
        var uniform = period / Math.Sqrt(12);
        return r <= 0 ? uniform : Math.Min(uniform, Math.Sqrt(-2 * Math.Log(Math.Min(1.0, r))) * period / (2 * Math.PI));
    }

    /// <summary>The values taken into [0, period), ascending.</summary>
    internal static double[] Wrapped(IReadOnlyList<double> values, double period)
    {
        var wrapped = values.Select(v => ((v % period) + period) % period).ToArray();
        Array.Sort(wrapped);
        return wrapped;
    }

    private static double WeightedMedian(List<(double Difference, double Length)> pieces)
    {
        var ordered = pieces.OrderBy(p => p.Difference).ToArray();
        var half = ordered.Sum(p => p.Length) / 2;
        var seen = 0.0;
        foreach (var (d, length) in ordered)
        {
            if ((seen += length) >= half) return d;
        }

        return ordered[^1].Difference;
    }
}
