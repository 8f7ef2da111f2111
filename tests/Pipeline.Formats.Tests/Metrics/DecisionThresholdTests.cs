using Pipeline.Formats.Metrics;

namespace Pipeline.Formats.Tests.Metrics;

public sealed class DecisionThresholdTests
{
    // Scores high to low: 0.9 (+), 0.8 (-), 0.7 (+), 0.4 (-), 0.3 (+), 0.2 (-), 0.1 (-).
    private static readonly double[] Labels = [1, 0, 1, 0, 1, 0, 0];
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.4, 0.3, 0.2, 0.1];

    [Fact]
    public void MinCost_CheapMisses_KeepsAHighThreshold()
    {
        // Ratio 0.5: a miss costs half a false alarm, so only the top score is worth flagging (cost 0 + 0.5 * 2 = 1).
        var (threshold, cost) = DecisionThreshold.MinCost(Labels, Scores, 0.5)!.Value;
        Assert.Equal(0.9, threshold);
        Assert.Equal(1.0 / 7, cost, 12);
    }

    [Fact]
    public void MinCost_CostlyMisses_LowersTheThresholdToCatchEveryPositive()
    {
        // Ratio 10: catching the positive at 0.3 costs two false alarms but saves a miss worth ten.
        var (threshold, cost) = DecisionThreshold.MinCost(Labels, Scores, 10)!.Value;
        Assert.Equal(0.3, threshold);
        Assert.Equal(2.0 / 7, cost, 12);
    }

    [Fact]
    public void MinCost_NoPositive_Null() => Assert.Null(DecisionThreshold.MinCost([0, 0], [0.2, 0.4], 5));

    [Fact]
    public void MinCost_RatioNotAboveZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecisionThreshold.MinCost(Labels, Scores, 0));
}
