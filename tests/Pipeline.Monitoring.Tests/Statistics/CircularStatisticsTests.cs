using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests.Statistics;

public sealed class CircularStatisticsTests
{
    private static double[] Rotated(IEnumerable<double> values, double by, double period) =>
        values.Select(v => (v + by) % period).Order().ToArray();

    [Theory]
    [InlineData(new[] { 23.0, 23.0 }, new[] { 0.0, 0.0 }, 1.0)]
    [InlineData(new[] { 0.0 }, new[] { 12.0 }, 12.0)]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 2.0, 3.0 }, 1.0)]
    [InlineData(new[] { 22.0, 23.0, 0.0, 1.0 }, new[] { 23.0, 0.0, 1.0, 2.0 }, 1.0)]
    [InlineData(new[] { 5.0, 7.0 }, new[] { 7.0, 5.0 }, 0.0)]
    public void CircularWasserstein_MassMovesTheShortWayRound(double[] a, double[] b, double expected) =>
        Assert.Equal(expected, CircularWasserstein.Distance(a, b, 24), 12);

    [Fact]
    public void CircularWasserstein_AndKuiper_DoNotDependOnWhereTheCircleIsCut()
    {
        var random = new Random(3);
        var a = Enumerable.Range(0, 300).Select(_ => (double)random.Next(24)).ToArray();
        var b = Enumerable.Range(0, 200).Select(_ => (double)((random.Next(8) + 20) % 24)).ToArray();
        var distance = CircularWasserstein.Distance(a, b, 24);
        var kuiper = Kuiper.TwoSampleSorted(Rotated(a, 0, 24), Rotated(b, 0, 24));
        for (var k = 1; k < 24; k++)
        {
            Assert.Equal(distance, CircularWasserstein.Distance(a.Select(v => (v + k) % 24).ToArray(), b.Select(v => (v + k) % 24).ToArray(), 24), 9);
            var rotated = Kuiper.TwoSampleSorted(Rotated(a, k, 24), Rotated(b, k, 24));
            Assert.Equal(kuiper.Statistic, rotated.Statistic, 12);
            Assert.Equal(kuiper.PValue, rotated.PValue, 12);
        }
    }

    [Fact]
    public void Kuiper_SameSample_IsZeroWithPValueOne_AndDisjointSamplesAreOne()
    {
        double[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal((0.0, 1.0), Kuiper.TwoSampleSorted(a, a));
        var disjoint = Kuiper.TwoSampleSorted(a, a.Select(v => v + 100).ToArray());
        Assert.Equal(1.0, disjoint.Statistic, 12);
        Assert.True(disjoint.PValue < 0.01);
    }

    [Fact]
    public void Kuiper_Tail_MatchesTheSeriesAtAKnownPoint()
    {
        // NOTE: Q_KP(1.0) = 2 Σ (4j² − 1) e^{−2j²}: 2 (3e^{−2} + 15e^{−8} + 35e^{−18} + ...).
        var expected = 2 * (3 * Math.Exp(-2) + 15 * Math.Exp(-8) + 35 * Math.Exp(-18) + 63 * Math.Exp(-32));
        Assert.Equal(expected, Kuiper.Tail(1.0), 12);
    }

    [Fact]
    public void CircularStandardDeviation_ConcentratedAtMidnight_IsSmall_UniformIsCapped()
    {
        Assert.True(CircularWasserstein.StandardDeviation([23, 0, 23, 0], 24) < 0.6);
        Assert.Equal(24 / Math.Sqrt(12), CircularWasserstein.StandardDeviation(Enumerable.Range(0, 24).Select(h => (double)h).ToArray(), 24), 9);
    }

    [Theory]
    [InlineData("Bright Coffee, Lisbon", new[] { "bright", "coffee", "lisbon" })]
    [InlineData("  ", new string[0])]
    [InlineData("a-b_c 7", new[] { "a", "b", "c", "7" })]
    public void TokenShares_Tokens_LowerCaseWordsAndDigits(string value, string[] expected) =>
        Assert.Equal(expected, TokenShares.Tokens(value));
}
