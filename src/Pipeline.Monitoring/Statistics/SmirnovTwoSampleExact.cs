using MathNet.Numerics;

namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Exact null distribution of the two-sample Smirnov statistic, ported step for step from SciPy 1.10
/// (<c>_attempt_exact_2kssamp</c>, <c>_compute_prob_outside_square</c>, <c>_compute_outer_prob_inside_method</c>,
/// <c>_count_paths_outside_method</c>) so floating-point behaviour and fallbacks match.
/// </summary>
internal static class SmirnovTwoSampleExact
{
    /// <summary>P(D >= h/lcm); false where SciPy's attempt fails (overflow, probability outside [0, 1]).</summary>
    public static bool TryProbability(long n1, long n2, long g, long h, KsAlternative alternative, out double probability)
    {
        probability = double.NaN;
        if (h == 0)
        {
            probability = 1.0;
            return true;
        }

        if (alternative == KsAlternative.TwoSided)
        {
            probability = n1 == n2 ? ProbabilityOutsideSquare(n1, h) : OuterProbabilityInsideMethod(n1, n2, g, h);
        }
        else if (n1 == n2)
        {
            probability = 1.0;
            for (long j = 0; j < h; j++)
            {
                probability *= (n1 - j) / (n1 + j + 1.0);
            }
        }
        else
        {
            var paths = CountPathsOutside(n1, n2, g, h);
            var all = Binomial(n1 + n2, n1);
            if (!double.IsFinite(paths) || !double.IsFinite(all) || paths > all)
            {
                return false;
            }

            probability = paths / all;
        }

        return probability is >= 0 and <= 1;
    }

    /// <summary>P(D_{n,n} >= h/n), Horner-like form of the alternating binomial sum.</summary>
    internal static double ProbabilityOutsideSquare(long n, long h)
    {
        var p = 0.0;
        for (var k = n / h; k >= 0; k--)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }

            p = p1 * (1.0 - p);
        }

        return 2 * p;
    }

    /// <summary>Proportion of lattice paths leaving |x/m - y/n| &lt; h/lcm (Viehmann's 1 - p recursion).</summary>
    internal static double OuterProbabilityInsideMethod(long m, long n, long g, long h)
    {
        if (m < n) (m, n) = (n, m);
        long mg = m / g, ng = n / g;
        long minj = 0, maxj = Math.Min(CeilDiv(h, mg), n + 1);
        var curlen = maxj - minj;
        var a = new double[Math.Min(2 * maxj + 2, n + 1)];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, (int)minj, (int)(maxj - minj));
        for (long i = 1; i <= m; i++)
        {
            long lastminj = minj, lastlen = curlen;
            minj = Math.Min(Math.Max(FloorDiv(ng * i - h, mg) + 1, 0), n);
            maxj = Math.Min(CeilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            var val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                var start = (int)(maxj - minj);
                Array.Fill(a, 1.0, start, (int)Math.Max(0, Math.Min(lastlen - curlen, a.Length - start)));
            }
        }

        return a[maxj - minj - 1];
    }

    /// <summary>Number of lattice paths from (0,0) to (m,n) that reach m*y &lt;= n*x - h*g (Hodges).</summary>
    internal static double CountPathsOutside(long m, long n, long g, long h)
    {
        if (m < n) (m, n) = (n, m);
        long mg = m / g, ng = n / g;
        var lxj = n + FloorDiv(mg - h, mg);
        if (lxj <= 0)
        {
            return Binomial(m + n, n);
        }

        var xj = new long[lxj];
        for (long j = 0; j < lxj; j++)
        {
            xj[j] = (h + mg * j + ng - 1) / ng;
        }

        var b = new double[lxj];
        b[0] = 1;
        for (long j = 1; j < lxj; j++)
        {
            var bj = Binomial(xj[j] + j, j);
            for (long i = 0; i < j; i++)
            {
                bj -= Binomial(xj[j] - xj[i] + j - i, j - i) * b[i];
            }

            b[j] = bj;
        }

        var paths = 0.0;
        for (long j = 0; j < lxj; j++)
        {
            paths += b[j] * Binomial(m - xj[j] + (n - j), n - j);
        }

        return paths;
    }

    /// <summary>Binomial coefficient as <c>scipy.special.binom</c> computes it for integer arguments.</summary>
    internal static double Binomial(long n, long k)
    {
        if (k < 0 || k > n) return 0.0;
        if (k > n / 2.0 && n > 0) k = n - k;
        if (k < 20)
        {
            double num = 1.0, den = 1.0;
            for (long i = 1; i <= k; i++)
            {
                num *= i + n - k;
                den *= i;
                if (Math.Abs(num) > 1e50)
                {
                    num /= den;
                    den = 1.0;
                }
            }

            return num / den;
        }

        double a = 1 + n - k, b = 1 + k;
        var beta = a + b > 171.6
            ? Math.Exp(SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b))
            : SpecialFunctions.Gamma(a) * SpecialFunctions.Gamma(b) / SpecialFunctions.Gamma(a + b);
        return 1 / (n + 1.0) / beta;
    }

    private static long FloorDiv(long a, long b) => a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);
}
