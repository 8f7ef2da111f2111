namespace Pipeline.Ml.Features;

/// <summary>
/// The per-slot parameter of the z-score and min-max scalers, computed from <see cref="NumericStatistics"/> instead of
/// a fitting pass over the train rows: the values the scaler sees in a slot are the input's values, clipped when
/// clipping is on, plus one fill value per missing row (clipped too). The scalers keep zero at zero, as ML.NET's do:
/// each slot is divided by the divisor, or mapped to 0 when the slot is constant (divisor 0).
/// </summary>
internal static class ScaleDivisor
{
    /// <summary>
    /// The divisor of <paramref name="stats"/>' slot: the root mean square of its values (z-score: ML.NET's
    /// <c>NormalizeMeanVariance</c> with fixZero, 1 / √(mean² + variance)) or their largest magnitude (min-max); 0 when
    /// every value is the same.
    /// </summary>
    // NOTE: exact (up to rounding) except z-score with clipping on an input whose values outgrew its sample: the clipped
    // mean and variance are then those of the seeded sample (clipping bounds are only known after the pass).
    public static double Of(NumericStatistics stats, double fill, (double Low, double High)? bounds, ScalingStrategy scaling)
    {
        double Clip(double v) => bounds is { } b ? Math.Clamp(v, b.Low, b.High) : v;
        var filled = stats.Rows - stats.Count;
        fill = Clip(fill);
        if (scaling == ScalingStrategy.MinMax)
        {
            double min = stats.Count > 0 ? Clip(stats.Min) : fill, max = stats.Count > 0 ? Clip(stats.Max) : fill;
            if (filled > 0) (min, max) = (Math.Min(min, fill), Math.Max(max, fill));
            return max > min ? Math.Max(Math.Abs(min), Math.Abs(max)) : 0;
        }
        var (mean, variance) = bounds is null || stats.Count == 0 ? (stats.Mean, stats.Std * stats.Std) : ClippedMoments(stats.Kept, Clip);
        if (stats.Count == 0) (mean, variance) = (fill, 0);
        // Chan et al.'s combination of the values' moments with those of the filled rows (all equal to fill).
        double n = stats.Rows, k = stats.Count, m = filled;
        if (n == 0) return 0;
        var delta = fill - mean;
        var squares = variance * k + delta * delta * k * m / n;
        var combinedMean = mean + delta * m / n;
        return squares > 0 ? Math.Sqrt(squares / n + combinedMean * combinedMean) : 0;
    }

    private static (double Mean, double Variance) ClippedMoments(IReadOnlyList<double> values, Func<double, double> clip)
    {
        double mean = 0, squares = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var v = clip(values[i]);
            var delta = v - mean;
            mean += delta / (i + 1);
            squares += delta * (v - mean);
        }
        return (mean, squares / values.Count);
    }
}
