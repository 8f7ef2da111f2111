namespace Pipeline.Monitoring.Drift;

/// <summary>
/// Cuts a cyclic column's circle open where the reference is thinnest, so 23 and 0 (hours) are neighbours and only a
/// move across the reference's emptiest point counts as a long one. Both sides are cut at the same point and every
/// numeric drift method then runs on the unwrapped values unchanged.
/// </summary>
internal static class CyclicValues
{
    /// <summary>
    /// The cut point: the middle of the gap between circularly consecutive distinct reference values (taken modulo
    /// <paramref name="period"/>) with the largest width per reference value at its two ends (for whole hours: the least
    /// busy pair of neighbouring hours); the first such gap on ties.
    /// </summary>
    public static double Cut(double[] sortedReference, double period)
    {
        var groups = sortedReference.Select(v => Modulo(v, period)).Order().GroupBy(v => v).Select(g => (Value: g.Key, Count: g.Count())).ToArray();
        if (groups.Length == 0) return 0;
        if (groups.Length == 1) return Modulo(groups[0].Value + period / 2, period);
        var (best, bestScore) = (0, double.NegativeInfinity);
        for (var i = 0; i < groups.Length; i++)
        {
            var next = groups[(i + 1) % groups.Length];
            var gap = i + 1 < groups.Length ? next.Value - groups[i].Value : next.Value + period - groups[i].Value;
            var score = gap / (groups[i].Count + next.Count);
            if (score > bestScore) (best, bestScore) = (i, score);
        }

        var after = groups[(best + 1) % groups.Length].Value + (best + 1 < groups.Length ? 0 : period);
        return Modulo((groups[best].Value + after) / 2, period);
    }

    /// <summary>The values moved into [<paramref name="cut"/>, <paramref name="cut"/> + <paramref name="period"/>), ascending.</summary>
    public static double[] Unwrap(double[] values, double period, double cut)
    {
        var unwrapped = values.Select(v => cut + Modulo(v - cut, period)).ToArray();
        Array.Sort(unwrapped);
        return unwrapped;
    }

    /// <summary>Population standard deviation of <paramref name="values"/>.</summary>
    public static double PopulationStd(double[] values)
    {
        if (values.Length == 0) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    private static double Modulo(double value, double period) => value - period * Math.Floor(value / period);
}
