using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>The canary's score-shift check, on and off.</summary>
public sealed class CanaryJudgeTests
{
    private static WindowSnapshot Window(double scoreFrom) =>
        new(100, 0, 2.0, [.. Enumerable.Range(0, 100).Select(i => scoreFrom + i / 500.0)]);

    [Fact]
    public void Judge_ShiftedScoresWithTheDefaultBound_RollsBackNamingThePsi()
    {
        var verdict = CanaryJudge.Judge(Window(0.0), Window(0.5), new CanaryBounds());

        Assert.False(verdict.Healthy);
        Assert.Contains("canary scores shifted: PSI", verdict.Reason);
    }

    [Fact]
    public void Judge_ShiftedScoresWithTheCheckOff_IsHealthy()
    {
        var verdict = CanaryJudge.Judge(Window(0.0), Window(0.5), new CanaryBounds { MaxPsi = null });

        Assert.True(verdict.Healthy);
        Assert.StartsWith("healthy", verdict.Reason);
    }
}
