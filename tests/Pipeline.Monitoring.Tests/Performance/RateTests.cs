using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Tests.Performance;

public sealed class RateTests
{
    [Fact]
    public void WilsonInterval_KnownCase_MatchesClosedForm()
    {
        // NOTE: 81 of 263 at 95%, from the form (k + z^2/2)/(n + z^2) -/+ z sqrt(n)/(n + z^2) sqrt(p q + z^2/4n).
        var interval = WilsonInterval.Of(81, 263);
        Assert.Equal(0.2552885198782742, interval.Lower, 12);
        Assert.Equal(0.36620957698280004, interval.Upper, 12);
    }

    [Fact]
    public void WilsonInterval_AllSuccesses_UpperIsOneLowerBelowOne()
    {
        var interval = WilsonInterval.Of(10, 10);
        Assert.Equal(1.0, interval.Upper, 12);
        Assert.InRange(interval.Lower, 0.69, 0.73);
    }

    [Fact]
    public void RollingRate_WindowFull_EvictsOldestOutcome()
    {
        var rate = new RollingRate(4);
        foreach (var hit in new[] { false, true, true, true, true }) rate.Add(hit);
        Assert.Equal(4, rate.Count);
        Assert.Equal(1.0, rate.Rate);
    }

    [Fact]
    public void RollingRate_AccuracyFallsFarBelowBaseline_IsBelow()
    {
        var rate = new RollingRate(200);
        for (var i = 0; i < 200; i++) rate.Add(i % 10 < 6);
        Assert.True(rate.IsBelow(baseline: 0.9, minimumCount: 100));
        Assert.False(rate.IsBelow(baseline: 0.62, minimumCount: 100));
        Assert.False(rate.IsBelow(baseline: 0.9, minimumCount: 500));
    }

    [Fact]
    public void Cbpe_CalibratedScores_ExpectedConfusionMatrix()
    {
        var estimate = ConfidenceBasedPerformanceEstimator.Estimate([0.9, 0.8, 0.3, 0.1]);
        // NOTE: TP = 1.7, FP = 0.3, FN = 0.4, TN = 1.6.
        Assert.True(estimate.IsEstimate);
        Assert.Equal(3.3 / 4, estimate.Accuracy, 12);
        Assert.Equal(1.7 / 2.0, estimate.Precision, 12);
        Assert.Equal(1.7 / 2.1, estimate.Recall, 12);
        Assert.Equal(3.4 / 4.1, estimate.F1, 12);
    }

    [Fact]
    public void Cbpe_ScoreOutsideUnitInterval_Throws() =>
        Assert.Throws<ArgumentException>(() => ConfidenceBasedPerformanceEstimator.Estimate([1.2]));
}
