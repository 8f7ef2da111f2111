using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

public sealed class TaskMetricsTests
{
    private static readonly double[] Labels = [1, 1, 0, 0, 1, 0];
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.1];

    private static Dictionary<string, double> Binary(double threshold) =>
        new TaskMetrics(MlTask.Binary, new PredictionSet(Labels, Scores, [], 2), threshold).Compute().ToDictionary();

    [Fact]
    public void Binary_KnownScores_HandComputedValues()
    {
        var m = Binary(0.5);

        Assert.Equal(7.0 / 9, m["auc"], 12);
        Assert.Equal((1.0 / 3) + (1.0 / 3) + (0.6 / 3), m["pr_auc"], 12);
        Assert.Equal(0.6, m["precision"], 12);
        Assert.Equal(1.0, m["recall"], 12);
        Assert.Equal(0.75, m["f1"], 12);
        Assert.Equal(4.0 / 6, m["accuracy"], 12);
        Assert.Equal(1.1125 / 6, m["brier"], 12);
        Assert.Equal(["auc", "pr_auc", "f1", "precision", "recall", "accuracy", "log_loss", "brier"], m.Keys);
    }

    [Fact]
    public void Auc_TiedScores_CountHalf()
    {
        double[] labels = [1, 0];
        double[] scores = [0.5, 0.5];

        Assert.Equal(0.5, BinaryMetrics.Auc(labels, scores, BinaryMetrics.DescendingOrder(scores)));
    }

    [Fact]
    public void BestF1Threshold_KnownScores_PicksMaximumF1()
    {
        Assert.Equal(0.8, BinaryMetrics.BestF1Threshold(Labels, Scores));
    }

    [Fact]
    public void Confusion_Binary_RowsActualColumnsPredicted()
    {
        var c = new TaskMetrics(MlTask.Binary, new PredictionSet(Labels, Scores, [], 2), 0.5).Confusion();

        Assert.Equal(new double[,] { { 1, 2 }, { 0, 3 } }, c);
    }

    [Fact]
    public void Multiclass_KnownProbabilities_HandComputedValues()
    {
        var p = new PredictionSet([0, 2, 2], new double[3], [0.7f, 0.2f, 0.1f, 0.1f, 0.6f, 0.3f, 0.2f, 0.3f, 0.5f], 3);
        var m = new TaskMetrics(MlTask.Multiclass, p, 0.5).Compute().ToDictionary();

        Assert.Equal(2.0 / 3, m["accuracy"], 12);
        Assert.Equal(2.0 / 3, m["micro_f1"], 12);
        Assert.Equal((1 + 0 + (2.0 / 3)) / 3, m["macro_f1"], 12);
        Assert.Equal(-(Math.Log(0.7f) + Math.Log(0.3f) + Math.Log(0.5f)) / 3, m["log_loss"], 6);
        Assert.Equal(["accuracy", "log_loss", "macro_f1", "micro_f1"], m.Keys);
    }

    [Fact]
    public void Regression_KnownPredictions_HandComputedValues()
    {
        var m = new TaskMetrics(MlTask.Regression, new PredictionSet([1, 2, 3], [1, 2, 4], [], 0), 0.5).Compute().ToDictionary();

        Assert.Equal(Math.Sqrt(1.0 / 3), m["rmse"], 12);
        Assert.Equal(1.0 / 3, m["mae"], 12);
        Assert.Equal(0.5, m["r2"], 12);
        Assert.Equal(["rmse", "mae", "r2"], m.Keys);
    }

    [Fact]
    public void Compute_WeightsOfTwo_EqualDuplicatedRows()
    {
        var weighted = new TaskMetrics(MlTask.Binary, new PredictionSet(Labels, Scores, [], 2), 0.5).Compute([2, 2, 2, 2, 2, 2]);

        Assert.Equal(Binary(0.5).Values, weighted.Select(kv => kv.Value), new ToleranceComparer());
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
