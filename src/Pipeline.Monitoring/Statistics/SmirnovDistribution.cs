namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Exact one-sided Smirnov survival function P(D_n+ >= x) (<c>scipy.special.smirnov</c>) by the
/// Birnbaum-Tingey sum, every term positive and summed in log space.
/// </summary>
internal static class SmirnovDistribution
{
    /// <summary>P(D_n+ >= x) for 0 &lt;= x &lt;= 1.</summary>
    public static double Survival(long n, double x)
    {
        if (n <= 0 || !(x >= 0 && x <= 1)) return double.NaN;
        if (x == 0) return 1.0;
        if (x == 1) return 0.0;
        var last = (long)Math.Floor(n * (1.0 - x));
        var logBinomial = 0.0;
        var sum = 0.0;
        for (long v = 0; v <= last; v++)
        {
            var evn = x + (double)v / n;
            var oneMinus = (double)(n - v) / n - x;
            if (oneMinus > 0)
            {
                var logTerm = logBinomial + (v - 1) * Math.Log(evn) + (n - v) * Math.Log(oneMinus);
                if (logTerm > -745) sum += Math.Exp(logTerm);
            }

            logBinomial += Math.Log((double)(n - v) / (v + 1));
        }

        return Math.Clamp(sum * x, 0.0, 1.0);
    }
}
