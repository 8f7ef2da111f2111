namespace Pipeline.Monitoring.Performance;

/// <summary>Wilson score interval for a binomial proportion (accuracy, error rate, precision...).</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public readonly record struct WilsonInterval(double Lower, double Upper)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>; [0, 1] when there are no trials.</summary>
    public static WilsonInterval Of(long successes, long trials, double z = Z95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentException($"Wilson interval needs 0 <= successes <= trials, got {successes} of {trials}.");
        }

        if (trials == 0) return new WilsonInterval(0, 1);
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
