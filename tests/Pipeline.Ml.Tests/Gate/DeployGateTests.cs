using Pipeline.Ml.Gate;

namespace Pipeline.Ml.Tests.Gate;

public sealed class DeployGateTests : IDisposable
{
    private const string WithComparison = """
        {
          "auc": 0.82,
          "log_loss": 0.31,
          "comparison": {
            "metric": "auc",
            "production_metrics": { "auc": 0.84, "log_loss": 0.30 },
            "difference": -0.02,
            "ci_low": -0.05,
            "ci_high": 0.01,
            "significant": false
          }
        }
        """;

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mlgate-");

    public void Dispose() => root.Delete(recursive: true);

    private string Metrics(string json)
    {
        var path = Path.Combine(root.FullName, "metrics.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Check_BelowMinimum_FailsNamingValueAndThreshold()
    {
        var result = DeployGate.Check(Metrics(WithComparison), new GateOptions { Min = new Dictionary<string, double> { ["auc"] = 0.85 } });

        Assert.False(result.Passed);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(("min", "auc", 0.82, 0.85), (failed.Condition, failed.Metric, failed.Value, failed.Threshold));
        Assert.Contains("min auc: value 0.82, threshold 0.85", result.FailureMessage(), StringComparison.Ordinal);
        Assert.Equal("condition  metric  value  threshold  result  note\nmin        auc     0.82   0.85       FAIL\n", result.ToTable());
    }

    [Fact]
    public void Check_MinAndMaxMet_Passes()
    {
        var options = GateOptions.FromParams(new Dictionary<string, string> { ["min.auc"] = "0.8", ["max.log_loss"] = "0.35", ["retries"] = "2" });

        var result = DeployGate.Check(Metrics(WithComparison), options);

        Assert.True(result.Passed);
        Assert.Equal(2, result.Conditions.Count);
        Assert.Equal(2, options.Retries);
    }

    [Fact]
    public void Check_MaxRegression_SignAwarePerMetricDirection()
    {
        var options = new GateOptions { MaxRegression = new Dictionary<string, double> { ["auc"] = 0.01, ["log_loss"] = 0.02 } };

        var result = DeployGate.Check(Metrics(WithComparison), options);

        var auc = result.Conditions.Single(c => c.Metric == "auc");
        var logLoss = result.Conditions.Single(c => c.Metric == "log_loss");
        Assert.False(auc.Passed);
        Assert.Equal(0.02, auc.Value, 12);
        Assert.True(logLoss.Passed);
        Assert.Equal(0.01, logLoss.Value, 12);
    }

    [Fact]
    public void Check_RequireSignificantWithoutImprovement_Fails()
    {
        var result = DeployGate.Check(Metrics(WithComparison), new GateOptions { RequireSignificant = true });

        Assert.False(result.Passed);
        Assert.Contains("includes 0", result.Failed.Single().Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoProductionModel_ComparisonConditionsPass()
    {
        var result = DeployGate.Check(Metrics("""{ "auc": 0.9 }"""), new GateOptions { RequireSignificant = true, MaxRegression = new Dictionary<string, double> { ["auc"] = 0 } });

        Assert.True(result.Passed);
        Assert.All(result.Conditions, c => Assert.Equal("no production model to compare with", c.Note));
    }

    [Fact]
    public void Check_MetricMissing_Fails()
    {
        var result = DeployGate.Check(Metrics("""{ "auc": 0.9 }"""), new GateOptions { Min = new Dictionary<string, double> { ["r2"] = 0.5 } });

        Assert.False(result.Passed);
        Assert.StartsWith("missing from", result.Failed.Single().Note, StringComparison.Ordinal);
    }
}
