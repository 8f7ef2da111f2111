namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Two-sided significance tests of an A/B test: the pooled two-proportion z-test (accuracy, conversion) and Welch's
/// t-test (regression errors). Normal tail from erfc (Numerical Recipes' Chebyshev fit, |error| &lt; 1.2e-7), the
/// Student t tail from the regularized incomplete beta function (continued fraction).
/// </summary>
internal static class Significance
{
    /// <summary>z and two-sided p of successes <paramref name="x1"/>/<paramref name="n1"/> against <paramref name="x2"/>/<paramref name="n2"/>.</summary>
    public static (double Statistic, double P) TwoProportion(long x1, long n1, long x2, long n2)
    {
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return (0, 1);
        }

        var z = (((double)x2 / n2) - ((double)x1 / n1)) / se;
        return (z, Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }

    /// <summary>Welch's t (second minus first) and two-sided p for two samples' means and variances.</summary>
    public static (double Statistic, double P) Welch(double mean1, double variance1, long n1, double mean2, double variance2, long n2)
    {
        var (a, b) = (variance1 / n1, variance2 / n2);
        if (a + b == 0)
        {
            return (0, mean1 == mean2 ? 1 : 0);
        }

        var t = (mean2 - mean1) / Math.Sqrt(a + b);
        var df = WelchDegreesOfFreedom(variance1, n1, variance2, n2);
        return (t, IncompleteBeta(df / 2, 0.5, df / (df + (t * t))));
    }

    /// <summary>The Welch–Satterthwaite degrees of freedom of two samples' variances and sizes.</summary>
    public static double WelchDegreesOfFreedom(double variance1, long n1, double variance2, long n2)
    {
        var (a, b) = (variance1 / n1, variance2 / n2);
        return (a + b) * (a + b) / ((a * a / (n1 - 1)) + (b * b / (n2 - 1)));
    }

    /// <summary>The complementary error function.</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>The regularized incomplete beta function I_x(a, b).</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2) ? front * BetaFraction(a, b, x) / a : 1 - (front * BetaFraction(b, a, 1 - x) / b);
    }

    private static double BetaFraction(double a, double b, double x)
    {
        const double Tiny = 1e-300;
        var (c, d) = (1.0, 1 - ((a + b) * x / (a + 1)));
        d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            foreach (var aa in new[] { m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m))), -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1)) })
            {
                d = 1 + (aa * d);
                d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
                c = 1 + (aa / c);
                c = Math.Abs(c) < Tiny ? Tiny : c;
                h *= d * c;
            }

            if (Math.Abs((d * c) - 1) < 1e-12)
            {
                break;
            }
        }

        return h;
    }

    // NOTE: Lanczos approximation (g = 7, 9 terms), accurate to ~1e-15 for positive arguments.
    private static double LogGamma(double x)
    {
        double[] g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < 9; i++)
        {
            sum += g[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}
