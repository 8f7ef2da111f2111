namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Exact Kolmogorov CDF P(D_n &lt;= d) by Durbin's matrix algorithm as Marsaglia, Tsang and Wang
/// evaluate it (SciPy's <c>_kolmogn_DMTW</c>), with the same 2^128 rescaling.
/// </summary>
internal static class DurbinMatrix
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>P(D_n &lt;= d).</summary>
    public static double Cdf(long n, double d)
    {
        if (d >= 1.0) return 1.0;
        var nd = n * d;
        if (nd <= 0.5) return 0.0;
        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = 2 * k - 1;
        var hMatrix = Initial(m, h);

        var power = Identity(m);
        long nn = n;
        int exponent = 0, hExponent = 0;
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                power = Multiply(power, hMatrix);
                exponent += hExponent;
            }

            hMatrix = Multiply(hMatrix, hMatrix);
            hExponent *= 2;
            if (Math.Abs(hMatrix[k - 1, k - 1]) > Big)
            {
                Scale(hMatrix, Small);
                hExponent += ScaleExponent;
            }

            nn /= 2;
        }

        var p = power[k - 1, k - 1];
        for (long i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        if (exponent != 0) p = Math.ScaleB(p, exponent);
        return Math.Clamp(p, 0.0, 1.0);
    }

    private static double[,] Initial(int m, double h)
    {
        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * fac;
        }

        var tt = Math.Pow(Math.Max(2 * h - 1.0, 0), m) - 2 * Math.Pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        var matrix = new double[m, m];
        for (var i = 1; i < m; i++)
        {
            for (var r = i - 1; r < m; r++) matrix[r, i] = w[r - (i - 1)];
        }

        for (var r = 0; r < m; r++) matrix[r, 0] = v[r];
        for (var c = 0; c < m; c++) matrix[m - 1, c] = v[m - 1 - c];
        return matrix;
    }

    private static double[,] Identity(int m)
    {
        var identity = new double[m, m];
        for (var i = 0; i < m; i++) identity[i, i] = 1.0;
        return identity;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = a.GetLength(0);
        var result = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < m; l++)
            {
                var ail = a[i, l];
                if (ail == 0) continue;
                for (var j = 0; j < m; j++) result[i, j] += ail * b[l, j];
            }
        }

        return result;
    }

    private static void Scale(double[,] matrix, double factor)
    {
        var m = matrix.GetLength(0);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++) matrix[i, j] *= factor;
        }
    }
}
