namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Population stability index exactly as <c>tests/Pipeline.Monitoring.Tests/Vectors/psi.json</c> defines it: B bins cut at the
/// reference's type-7 quantiles k/B, bin(x) = #{k : c_k &lt;= x}, proportions floored at eps (not renormalised),
/// PSI = sum (p_a - p_e) ln(p_a / p_e).
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>Default number of bins.</summary>
    public const int DefaultBins = 10;

    /// <summary>Default floor for a bin proportion.</summary>
    public const double DefaultEpsilon = 1e-4;

    /// <summary>PSI of a numeric current sample against a numeric reference sample.</summary>
    public static PsiResult Numeric(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int bins = DefaultBins, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count == 0 || actual.Count == 0 || bins < 1)
        {
            throw new ArgumentException("PSI needs non-empty samples and at least one bin.");
        }

        var cuts = CutPoints(expected, bins);
        var ce = Histogram(cuts, expected, bins);
        var ca = Histogram(cuts, actual, bins);
        return new PsiResult(FromCounts(ce, ca, epsilon), cuts, ce, ca);
    }

    /// <summary>The reference quantiles at k/B, k = 1..B-1 (numpy.quantile, method 'linear').</summary>
    public static double[] CutPoints(IReadOnlyList<double> expected, int bins)
    {
        var sorted = expected.ToArray();
        RadixSort.Sort(sorted);
        return CutPointsSorted(sorted, bins);
    }

    /// <summary>The quantiles at k/B of an ascending reference (no copy, no sort).</summary>
    internal static double[] CutPointsSorted(double[] sorted, int bins)
    {
        var cuts = new double[bins - 1];
        for (var k = 1; k < bins; k++)
        {
            cuts[k - 1] = Quantile.Linear(sorted, k / (double)bins);
        }

        return cuts;
    }

    /// <summary>Counts per bin: bin(x) = number of cut points &lt;= x (numpy searchsorted side='right').</summary>
    public static long[] Histogram(double[] cuts, IReadOnlyList<double> values, int bins)
    {
        var counts = new long[bins];
        foreach (var v in values)
        {
            counts[KolmogorovSmirnov.UpperBound(cuts, v)]++;
        }

        return counts;
    }

    /// <summary>PSI from two count vectors over the same bins.</summary>
    public static double FromCounts(IReadOnlyList<long> expectedCounts, IReadOnlyList<long> actualCounts, double epsilon = DefaultEpsilon)
    {
        if (expectedCounts.Count != actualCounts.Count)
        {
            throw new ArgumentException($"Bin counts differ in length: {expectedCounts.Count} vs {actualCounts.Count}.");
        }

        double ne = expectedCounts.Sum(), na = actualCounts.Sum();
        var psi = 0.0;
        for (var j = 0; j < expectedCounts.Count; j++)
        {
            var pe = Math.Max(expectedCounts[j] / ne, epsilon);
            var pa = Math.Max(actualCounts[j] / na, epsilon);
            psi += (pa - pe) * Math.Log(pa / pe);
        }

        return psi;
    }
}
