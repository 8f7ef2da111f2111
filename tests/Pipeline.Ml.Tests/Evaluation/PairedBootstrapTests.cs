using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

public sealed class PairedBootstrapTests
{
    private static (TaskMetrics Candidate, TaskMetrics Production) Models(int rows, int seed)
    {
        var random = new Random(seed);
        var labels = new double[rows];
        var good = new double[rows];
        var weak = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            good[i] = 1 / (1 + Math.Exp(-((2 * labels[i]) - 1 + Noise(random))));
            weak[i] = 1 / (1 + Math.Exp(-((labels[i]) - 0.5 + Noise(random))));
        }

        return (new TaskMetrics(MlTask.Binary, new PredictionSet(labels, good, [], 2), 0.5),
            new TaskMetrics(MlTask.Binary, new PredictionSet(labels, weak, [], 2), 0.5));
    }

    private static double Noise(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Difference_BetterCandidate_IntervalContainsPopulationDifferenceAndIsSignificant()
    {
        var (bigCandidate, bigProduction) = Models(200_000, 99);
        var truth = bigCandidate.Value("auc") - bigProduction.Value("auc");
        var (candidate, production) = Models(1000, 5);

        var ci = PairedBootstrap.Difference(candidate, production, 1000, "auc", 500, seed: 11);

        Assert.InRange(truth, ci.Low, ci.High);
        Assert.True(ci.Significant);
        Assert.True(ci.Low > 0);
    }

    [Fact]
    public void Difference_SameSeed_Deterministic()
    {
        var (candidate, production) = Models(500, 5);

        var a = PairedBootstrap.Difference(candidate, production, 500, "auc", 200, seed: 3);
        var b = PairedBootstrap.Difference(candidate, production, 500, "auc", 200, seed: 3);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Difference_SameModel_ZeroAndNotSignificant()
    {
        var (candidate, _) = Models(500, 5);

        var ci = PairedBootstrap.Difference(candidate, candidate, 500, "auc", 200, seed: 3);

        Assert.Equal(0, ci.Difference);
        Assert.False(ci.Significant);
    }
}
