using System.Text.Json;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Tests.Reports;

public sealed class PriorShiftCheckTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoFeatures = new Dictionary<string, JsonElement>();

    // NOTE: positives score 0.35, negatives 0.05 or 0.2: at 0.5 every prediction is negative, at the prior-shift
    // adjusted threshold (0.206 for 10% → 30%) every one is right.
    private static PredictionWindow Window(int rows, double positiveShare) => new(Enumerable.Range(0, rows).Select(i =>
    {
        var positive = i % 100 < positiveShare * 100;
        return new LoggedPrediction
        {
            RequestId = $"r{i}", Time = DateTimeOffset.UnixEpoch.AddSeconds(i), Model = "m", ModelVersion = "v0.0.1", Variant = "production",
            Features = NoFeatures, LatencyMs = 1, Probability = positive ? 0.35 : i % 2 == 0 ? 0.05 : 0.2, FeedbackLabel = positive ? "1" : "0",
        };
    }).ToArray());

    [Theory]
    [InlineData(0.5, 0.1, 0.5, 0.1)]
    [InlineData(0.3, 0.2, 0.2, 0.3)]
    [InlineData(0.1, 0.5, 0.1, 0.5)]
    public void Adjusted_ScalesTheThresholdOddsByThePriorOdds(double threshold, double from, double to, double expected) =>
        Assert.Equal(expected, PriorShiftCheck.Adjusted(threshold, from, to), 12);

    [Fact]
    public void Compute_BaseRateTripled_IsMovedAndTheAdjustedThresholdIsRightWhereTheOldOneIsNot()
    {
        var shift = PriorShiftCheck.Compute(Window(300, 0.3), expectedRate: 0.1, threshold: 0.5, minimumLabels: 100)!;

        Assert.True(shift.Moved);
        Assert.Equal((0.1, 0.3, 0.0), (shift.ExpectedPositiveRate, shift.ObservedPositiveRate, shift.PredictedPositiveRate));
        Assert.Equal(7.0 / 34, shift.AdjustedThreshold, 12);
        Assert.Equal((0.7, 1.0), (shift.AccuracyAtThreshold, shift.AccuracyAtAdjusted));
        Assert.Contains("Base rate moved", PriorShiftCheck.Finding(shift));
    }

    [Fact]
    public void Compute_BaseRateAsExpected_IsNotMoved()
    {
        var shift = PriorShiftCheck.Compute(Window(300, 0.3), expectedRate: 0.3, threshold: 0.5, minimumLabels: 100)!;
        Assert.False(shift.Moved);
        Assert.Equal(0.5, shift.AdjustedThreshold, 12);
    }

    [Fact]
    public void Compute_TooFewLabelsOrNoExpectedRate_IsNull()
    {
        Assert.Null(PriorShiftCheck.Compute(Window(50, 0.3), 0.1, 0.5, minimumLabels: 100));
        Assert.Null(PriorShiftCheck.Compute(Window(300, 0.3), null, 0.5, minimumLabels: 100));
    }

    [Fact]
    public void BaselineRead_ConfusionMatrix_GivesTheExpectedPositiveRate()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var path = Path.Combine(folder, "metrics.json");
        File.WriteAllText(path, """{"accuracy": 0.9, "threshold": 0.07, "confusion_matrix": {"classes": ["false", "true"], "counts": [[90, 5], [3, 2]]}}""");

        Assert.Equal(0.05, BaselineMetrics.Read(path).PositiveRate!.Value, 12);
        Directory.Delete(folder, true);
    }
}
