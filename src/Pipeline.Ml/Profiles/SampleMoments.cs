namespace Pipeline.Ml.Profiles;

/// <summary>
/// Count, mean, sum of squared deviations, min and max of a run of values: computed for a batch of rows in two passes
/// (<see cref="Of"/>), then combined batch after batch in row order (<see cref="Merge"/>, Chan et al.), so batches can be
/// summarised on any core and the totals are the same bits whichever core did which.
/// </summary>
internal struct SampleMoments
{
    /// <summary>Values (NaN are not values).</summary>
    public long Count;

    /// <summary>Their mean.</summary>
    public double Mean;

    /// <summary>Their sum of squared deviations from the mean.</summary>
    public double Squares;

    /// <summary>The smallest value (−0 below +0; NaN when none).</summary>
    public double Min;

    /// <summary>The largest value (+0 above −0; NaN when none).</summary>
    public double Max;

    /// <summary>The moments of the non-NaN <paramref name="values"/>, rounded to float first when <paramref name="floats"/>.</summary>
    public static SampleMoments Of(ReadOnlySpan<double> values, bool floats)
    {
        var m = new SampleMoments { Min = double.NaN, Max = double.NaN };
        double sum = 0;
        foreach (var raw in values)
        {
            if (double.IsNaN(raw)) continue;
            var v = floats ? (float)raw : raw;
            sum += v;
            if (m.Count++ == 0) (m.Min, m.Max) = (v, v);
            else
            {
                if (Below(v, m.Min)) m.Min = v;
                if (Below(m.Max, v)) m.Max = v;
            }
        }
        if (m.Count == 0) return m;
        m.Mean = sum / m.Count;
        foreach (var raw in values)
        {
            if (double.IsNaN(raw)) continue;
            var d = (floats ? (float)raw : raw) - m.Mean;
            m.Squares += d * d;
        }
        return m;
    }

    /// <summary>Adds the moments of the values that follow (the next batch in row order).</summary>
    public void Merge(in SampleMoments next)
    {
        if (next.Count == 0) return;
        if (Count == 0) { this = next; return; }
        var n = Count + next.Count;
        var delta = next.Mean - Mean;
        Mean += delta * next.Count / n;
        Squares += next.Squares + delta * delta * ((double)Count * next.Count / n);
        if (Below(next.Min, Min)) Min = next.Min;
        if (Below(Max, next.Max)) Max = next.Max;
        Count = n;
    }

    /// <summary>A total order on non-NaN values: −0 is below +0, so the extremes do not depend on the order values came in.</summary>
    private static bool Below(double a, double b) => a < b || (a == b && double.IsNegative(a) && !double.IsNegative(b));
}
