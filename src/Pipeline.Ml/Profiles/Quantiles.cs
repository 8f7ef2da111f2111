namespace Pipeline.Ml.Profiles;

/// <summary>Order statistics of a sorted sample (linear interpolation between closest ranks, as numpy's default).</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="p"/>-quantile (0..1) of <paramref name="sorted"/>; NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>The mean and population standard deviation; (NaN, NaN) when empty.</summary>
    public static (double Mean, double Std) Moments(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return (double.NaN, double.NaN);
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count));
    }
}
