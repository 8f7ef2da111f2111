using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests.Statistics;

public sealed class KolmogorovDistributionTests
{
    [Theory]
    [InlineData(100, 0.19)]
    [InlineData(120, 0.2)]
    public void DurbinMatrix_UpperTail_AgreesWithTwiceSmirnov(long n, double x)
    {
        // NOTE: P(D >= x) = 2 P(D+ >= x) - P(both); the intersection is negligible this far in the tail.
        var exact = 1 - DurbinMatrix.Cdf(n, x);
        Vectors.AssertRelative(2 * SmirnovDistribution.Survival(n, x), exact, 1e-6, "tail");
    }

    [Fact]
    public void Survival_LargeN_ApproachesKolmogorovLimit()
    {
        // NOTE: limiting sf at sqrt(n) x = 1: 2 sum (-1)^(k-1) exp(-2 k^2) = 0.26999967167735456.
        var sf = KolmogorovDistribution.Survival(1_000_000, 1e-3);
        Assert.InRange(sf, 0.2695, 0.2705);
    }

    [Fact]
    public void Survival_ExactCases_MatchSciPyKstwo()
    {
        // NOTE: independent values from scipy.stats.kstwo.sf (Vectors/kstwo.py wrote Vectors/kstwo.json).
        foreach (var c in Vectors.Load("kstwo.json").GetProperty("cases").EnumerateArray())
        {
            var (n, x) = (c.GetProperty("n").GetInt64(), c.GetProperty("x").GetDouble());
            Vectors.AssertRelative(c.GetProperty("sf").GetDouble(), KolmogorovDistribution.Survival(n, x), 1e-9, $"n={n} x={x}");
        }
    }
}
