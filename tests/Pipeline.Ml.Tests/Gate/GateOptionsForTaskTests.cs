using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;

namespace Pipeline.Ml.Tests.Gate;

public sealed class GateOptionsForTaskTests
{
    /// <summary>The reference pipeline's gate: min.auc and max_regression.auc, as params.yaml has them.</summary>
    private static readonly GateOptions BinaryGate = GateOptions.FromParams(new Dictionary<string, string> { ["min.auc"] = "0.85", ["max_regression.auc"] = "0.02" });

    [Theory]
    [InlineData(MlTask.Multiclass, "macro_f1", 0.5)]
    [InlineData(MlTask.Regression, "r2", 0.3)]
    public void ForTask_BinaryGateOnAnotherTask_LeavesAucOutAndGatesOnTheMainMetric(MlTask task, string metric, double minimum)
    {
        var options = BinaryGate.ForTask(task);

        Assert.Equal(["min.auc", "max_regression.auc"], options.NotApplicable);
        Assert.Equal($"min.{metric}", options.Defaulted);
        Assert.Equal(minimum, Assert.Single(options.Min, p => p.Key == metric).Value);
        Assert.Empty(options.MaxRegression);
        Assert.Equal(minimum, GateOptions.DefaultMinimum(task));
    }

    [Fact]
    public void ForTask_ConditionsThatApply_KeptAsTheyAre()
    {
        var options = BinaryGate.ForTask(MlTask.Binary);

        Assert.Empty(options.NotApplicable);
        Assert.Null(options.Defaulted);
        Assert.Equal(0.85, options.Min["auc"]);
        Assert.Equal(0.02, options.MaxRegression["auc"]);
    }

    [Fact]
    public void ForTask_PerTaskThresholdsInOneSection_EachTaskTakesItsOwn()
    {
        var all = GateOptions.FromParams(new Dictionary<string, string> { ["min.auc"] = "0.8", ["min.macro_f1"] = "0.6", ["max.rmse"] = "12" });

        var multiclass = all.ForTask(MlTask.Multiclass);
        var regression = all.ForTask(MlTask.Regression);

        Assert.Equal(0.6, Assert.Single(multiclass.Min).Value);
        Assert.Null(multiclass.Defaulted);
        Assert.Empty(regression.Min);
        Assert.Equal(12, regression.Max["rmse"]);
        Assert.Null(regression.Defaulted);
        Assert.Equal(["max.rmse", "min.macro_f1"], all.ForTask(MlTask.Binary).NotApplicable.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ForTask_MulticlassMetricsBelowTheDefault_GateFails()
    {
        var metrics = Path.GetTempFileName();
        try
        {
            File.WriteAllText(metrics, """{ "accuracy": 0.5, "macro_f1": 0.41 }""");

            var result = DeployGate.Check(metrics, BinaryGate.ForTask(MlTask.Multiclass));

            var failed = Assert.Single(result.Failed);
            Assert.Equal(("min", "macro_f1", 0.41, 0.5), (failed.Condition, failed.Metric, failed.Value, failed.Threshold));
        }
        finally
        {
            File.Delete(metrics);
        }
    }
}
