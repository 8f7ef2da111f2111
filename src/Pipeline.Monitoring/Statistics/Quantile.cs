namespace Pipeline.Monitoring.Statistics;

/// <summary>numpy's default ('linear', Hyndman-Fan type 7) quantile, with numpy 1.24's exact arithmetic.</summary>
internal static class Quantile
{
    /// <summary>The q-quantile of an ascending array.</summary>
    public static double Linear(double[] sorted, double q)
    {
        var n = sorted.Length;
        var virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1) return sorted[n - 1];
        if (virtualIndex < 0) return sorted[0];
        var previous = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previous;
        var a = sorted[(int)previous];
        var b = sorted[(int)previous + 1];
        var diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
