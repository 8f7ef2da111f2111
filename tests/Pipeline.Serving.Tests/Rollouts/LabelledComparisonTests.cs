using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>The canary's labelled comparison: accuracy at the threshold, ROC AUC, and too few labels.</summary>
public sealed class LabelledComparisonTests
{
    // NOTE: n outcomes of which the first `right` are correct; scores separate the classes perfectly when `separated`.
    private static List<LabelledOutcome> Outcomes(int n, int right, bool separated = true) =>
        [.. Enumerable.Range(0, n).Select(i => new LabelledOutcome(i < right ? 1 : 0, false, Score(i, separated), i % 2 == 0))];

    private static double Score(int i, bool separated) => separated ? (i % 2 == 0 ? 0.9 : 0.1) - (i / 10_000.0) : (i % 4 < 2 ? 0.8 : 0.2);

    [Fact]
    public void Judge_CanaryLessAccurate_IsWorse()
    {
        var verdict = LabelledComparison.Judge(Outcomes(200, 180), Outcomes(200, 140), 100, 0.05);

        Assert.True(verdict.Enough);
        Assert.True(verdict.Worse);
        Assert.Contains("significantly worse", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("accuracy 0.7000 vs stable 0.9000", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SameAccuracyButScoresNoBetterThanChance_IsWorseOnAuc()
    {
        var verdict = LabelledComparison.Judge(Outcomes(200, 170), Outcomes(200, 170, separated: false), 100, 0.05);

        Assert.True(verdict.Worse);
        Assert.Contains("AUC 0.5000 vs 1.0000", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_CanaryAsGood_IsNotWorse()
    {
        var verdict = LabelledComparison.Judge(Outcomes(200, 170), Outcomes(220, 190), 100, 0.05);

        Assert.True(verdict.Enough);
        Assert.False(verdict.Worse);
        Assert.StartsWith("labelled: accuracy", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_TooFewLabels_NotEnoughAndNamesTheCounts()
    {
        var verdict = LabelledComparison.Judge(Outcomes(200, 200), Outcomes(40, 0), 100, 0.05);

        Assert.False(verdict.Enough);
        Assert.False(verdict.Worse);
        Assert.Equal("labelled predictions: stable 200, canary 40 (need 100 each)", verdict.Reason);
    }

    [Fact]
    public void Auc_TiesAndOneMisorderedPair_CountsMannWhitney()
    {
        // NOTE: positives 0.35, 0.8; negatives 0.1, 0.4, 0.8: pairs won 1 + 0 + 0 + (1 + 1 + 0.5) = 3.5 of 6.
        var outcomes = new[] { (0.1, false), (0.4, false), (0.8, false), (0.35, true), (0.8, true) }
            .Select(o => new LabelledOutcome(1, false, o.Item1, o.Item2)).ToList();

        Assert.Equal(3.5 / 6, LabelledComparison.Auc(outcomes)!.Value.Auc, 10);
    }
}
