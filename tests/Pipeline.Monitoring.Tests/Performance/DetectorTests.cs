using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Tests.Performance;

public sealed class DetectorTests
{
    private const int ChangeAt = 3000;

    /// <summary>A seeded Bernoulli error stream whose rate jumps from 0.1 to <paramref name="after"/> at <see cref="ChangeAt"/>.</summary>
    private static bool[] Errors(int seed, double after, int length = 6000)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(i => random.NextDouble() < (i < ChangeAt ? 0.1 : after)).ToArray();
    }

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PageHinkley_StationaryErrors_NoAlarm(int seed)
    {
        var detector = new PageHinkley();
        Assert.DoesNotContain(Errors(seed, 0.1), e => detector.Add(e ? 1 : 0) == DetectorState.Drift);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PageHinkley_ErrorRateJumps_AlarmWithinBoundedDelay(int seed)
    {
        var detector = new PageHinkley();
        var first = Array.FindIndex(Errors(seed, 0.5), e => detector.Add(e ? 1 : 0) == DetectorState.Drift);
        Assert.InRange(first, ChangeAt, ChangeAt + 300);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ddm_StationaryErrors_NoDrift(int seed)
    {
        var detector = new DriftDetectionMethod();
        Assert.DoesNotContain(Errors(seed, 0.1), e => detector.Add(e) == DetectorState.Drift);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Ddm_ErrorRateJumps_DriftWithinBoundedDelayAfterWarning(int seed)
    {
        var detector = new DriftDetectionMethod();
        var states = Errors(seed, 0.5).Select(detector.Add).ToArray();
        var drift = Array.IndexOf(states, DetectorState.Drift);
        Assert.InRange(drift, ChangeAt, ChangeAt + 300);
        Assert.Contains(DetectorState.Warning, states[ChangeAt..drift]);
    }
}
