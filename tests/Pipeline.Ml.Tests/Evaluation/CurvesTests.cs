using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

public sealed class CurvesTests
{
    private static readonly double[] Actual = [1, 2, 3, 4];
    private static readonly double[] Predicted = [1.5, 2, 2, 5];

    [Fact]
    public void ErrorCharacteristic_HandComputed_ShareOfRowsWithinEachAbsoluteError()
    {
        // NOTE: absolute errors 0.5, 0, 1, 1: one row exact, two within 0.5, all four within 1.
        var (x, y) = Curves.ErrorCharacteristic(Actual, Predicted);

        Assert.Equal([0, 0, 0.5, 1], x);
        Assert.Equal([0, 0.25, 0.5, 1], y);
    }

    [Fact]
    public void BinnedPredictedVsActual_HandComputed_MeansOfEqualGroupsInPredictedOrder()
    {
        // NOTE: in predicted order the rows are (1.5, 1), (2, 2) | (2, 3), (5, 4).
        var (x, y) = Curves.BinnedPredictedVsActual(Actual, Predicted, bins: 2);

        Assert.Equal([1.75, 3.5], x);
        Assert.Equal([1.5, 3.5], y);
    }

    [Fact]
    public void BinnedPredictedVsActual_FewerRowsThanBins_AGroupPerRow()
    {
        var (x, y) = Curves.BinnedPredictedVsActual([3, 1], [2, 1]);

        Assert.Equal([1, 2], x);
        Assert.Equal([1, 3], y);
    }
}
