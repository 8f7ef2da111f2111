namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Pelz-Good approximation of the Kolmogorov CDF P(D_n &lt;= x) for large n and small x
/// (SciPy's <c>_kolmogn_PelzGood</c>, term for term).
/// </summary>
internal static class PelzGood
{
    private const double PiSquared = Math.PI * Math.PI;
    private const double PiFour = PiSquared * PiSquared;
    private const double PiSix = PiFour * PiSquared;
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Sqrt3 = Math.Sqrt(3);

    /// <summary>P(D_n &lt;= x).</summary>
    public static double Cdf(long n, double x)
    {
        if (x <= 0.0) return 0.0;
        if (x >= 1.0) return 1.0;
        var z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        var qlog = -PiSquared / 8 / z2;
        if (qlog < -708) return 0.0;
        var q = Math.Exp(qlog);

        var k1a = -z2;
        var k1b = PiSquared / 4;
        var k2a = 6 * z6 + 2 * z4;
        var k2b = (2 * z4 - 5 * z2) * PiSquared / 4;
        var k2c = PiFour * (1 - 2 * z2) / 16;
        var k3d = PiSix * (5 - 30 * z2) / 64;
        var k3c = PiFour * (-60 * z2 + 212 * z4) / 16;
        var k3b = PiSquared * (135 * z4 - 96 * z6) / 4;
        var k3a = -30 * z6 - 90 * Math.Pow(z, 8);

        var k = new double[4];
        var maxk = (int)Math.Ceiling(16 * z / Math.PI);
        for (var kk = maxk; kk > 0; kk--)
        {
            double mOdd = 2 * kk - 1, m2 = mOdd * mOdd, m4 = m2 * m2, m6 = m4 * m2;
            var qpower = Math.Pow(q, 8 * kk);
            k[0] = k[0] * qpower + 1.0;
            k[1] = k[1] * qpower + (k1a + k1b * m2);
            k[2] = k[2] * qpower + (k2a + k2b * m2 + k2c * m4);
            k[3] = k[3] * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
        }

        double[] divisors = [z, 6 * z4, 72 * Math.Pow(z, 7), 6480 * Math.Pow(z, 10)];
        for (var i = 0; i < 4; i++) k[i] = k[i] * q * Sqrt2Pi / divisors[i];

        q = Math.Exp(-PiSquared / 2 / z2);
        var sqrt3z = Sqrt3 * z;
        double k2Extra = 0, k3Extra = 0;
        for (var kk = maxk; kk > 0; kk--)
        {
            double ks2 = (double)kk * kk, qp = Math.Pow(q, ks2), kspi = Math.PI * kk;
            k2Extra += ks2 * qp;
            k3Extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
        }

        k[2] += k2Extra * (PiSquared * Sqrt2Pi / (-36 * z3));
        k[3] += k3Extra * (PiSquared * Sqrt2Pi / (216 * z6));
        var sum = 0.0;
        for (var i = 0; i < 4; i++) sum += k[i] / Math.Pow(n, i / 2.0);
        return sum;
    }
}
