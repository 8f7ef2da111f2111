using System.Text.Json;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Tests.Reports;

/// <summary>Detector alarms count only when the order of the outcomes, not their mix, reaches the alarm level.</summary>
public sealed class DetectorPermutationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DetectorSummary Detectors(IEnumerable<bool> wrong)
    {
        var predictions = wrong.Select((w, i) => new LoggedPrediction
        {
            RequestId = $"r{i}", Time = Start.AddSeconds(i), Model = "m", ModelVersion = "v0.0.1", Variant = "stable",
            Features = new Dictionary<string, JsonElement>(), Probability = 0.9, PredictedLabel = true, LatencyMs = 1,
            FeedbackLabel = w ? "false" : "true",
        }).ToList();
        return PerformanceAnalysis.Compute(new PredictionWindow(predictions), BaselineMetrics.None, new MonitoringOptions()).Detectors;
    }

    private static IEnumerable<bool> Errors(int count, double rate, Random random) => Enumerable.Range(0, count).Select(_ => random.NextDouble() < rate);

    [Fact]
    public void Detectors_StationaryWindows_RawAlarmsAreMostlyNotCounted()
    {
        var windows = Enumerable.Range(0, 40).Select(seed => Detectors(Errors(1000, 0.11, new Random(seed)))).ToList();

        var raw = windows.Count(d => d.PageHinkleyAlarms + d.DdmAlarms > 0);
        var counted = windows.Count(d => d.Alarm);
        Assert.True(raw >= 4, $"raw alarms on {raw} of 40 stationary windows");
        Assert.True(counted <= 4, $"{counted} of 40 stationary windows counted an alarm (raw {raw})");
        Assert.All(windows.Where(d => d.PageHinkleyAlarms + d.DdmAlarms > 0 && !d.Alarm), d => Assert.True(d.PValue >= DetectorSummary.Alpha));
    }

    [Fact]
    public void Detectors_ErrorRateTriplingHalfway_AlarmIsCountedWithASmallPValue()
    {
        var random = new Random(3);
        var detectors = Detectors(Errors(500, 0.1, random).Concat(Errors(500, 0.3, random)).ToList());

        Assert.True(detectors.Alarm);
        Assert.True(detectors.PValue < DetectorSummary.Alpha, $"p {detectors.PValue}");
        Assert.True(detectors.FirstAlarmAt > Start.AddSeconds(500));
    }

    [Fact]
    public void AccuracyAt_RestatesTheHoldoutsClassRatesAtAnotherPositiveRate()
    {
        var baseline = new BaselineMetrics(0.96, 0.9, 0.5) { PositiveRate = 0.05, TruePositiveRate = 0.6, TrueNegativeRate = 0.979 };

        Assert.Equal(0.05 * 0.6 + 0.95 * 0.979, baseline.AccuracyAt(0.05)!.Value, 12);
        Assert.Equal(0.2 * 0.6 + 0.8 * 0.979, baseline.AccuracyAt(0.2)!.Value, 12);
        Assert.Equal(0.96, new BaselineMetrics(0.96, 0.9, 0.5).AccuracyAt(0.2));
    }
}
