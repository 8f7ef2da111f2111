namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Survival function of the one-sample two-sided Kolmogorov statistic D_n (<c>scipy.stats.kstwo.sf</c>),
/// choosing among exact and approximate methods by SciPy's (Simard-L'Ecuyer) rules in <c>_kolmogn</c>.
/// </summary>
internal static class KolmogorovDistribution
{
    /// <summary>P(D_n >= x).</summary>
    public static double Survival(long n, double x)
    {
        if (n <= 0 || double.IsNaN(x)) return double.NaN;
        if (x >= 1.0) return 0.0;
        if (x <= 0.0) return 1.0;
        var t = n * x;
        if (t <= 1.0)
        {
            if (t <= 0.5) return 1.0;
            var prob = n <= 140 ? RubenGambinoProduct(n, t) : Math.Exp(LogFactorialOverPower(n) + n * Math.Log(2 * t - 1));
            return Clip(1.0 - prob);
        }

        if (t >= n - 1) return Clip(2 * Math.Pow(1.0 - x, n));
        if (x >= 0.5) return Clip(2 * SmirnovDistribution.Survival(n, x));

        var nxSquared = t * x;
        if (n <= 140)
        {
            // NOTE: SciPy uses Pomeranz for 0.754693 < n x^2 <= 4; the Durbin matrix is exact there too.
            if (nxSquared <= 4) return Clip(1.0 - DurbinMatrix.Cdf(n, x));
            return Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        if (nxSquared >= 370.0) return 0.0;
        if (nxSquared >= 2.2) return Clip(2 * SmirnovDistribution.Survival(n, x));
        var cdf = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? DurbinMatrix.Cdf(n, x) : PelzGood.Cdf(n, x);
        return Clip(1.0 - cdf);
    }

    private static double RubenGambinoProduct(long n, double t)
    {
        var prob = 1.0;
        for (long i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
        return prob;
    }

    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>log(n!/n^n) by Stirling's series with n log n removed up front.</summary>
    private static double LogFactorialOverPower(long n)
    {
        var rn = 1.0 / n;
        var poly = 0.0;
        foreach (var c in StirlingCoefficients) poly = poly * (rn / n) + c;
        return Math.Log(n) / 2 - n + Math.Log(2 * Math.PI) / 2 + rn * poly;
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);
}
