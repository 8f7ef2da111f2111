using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Tests.Reports;

public sealed class BaselineMetricsTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("baseline-");

    public void Dispose() => root.Delete(recursive: true);

    private const string Holdout = """
        "auc": 0.93, "accuracy": 0.97, "threshold": 0.43,
        "confusion_matrix": { "classes": ["false", "true"], "counts": [[940, 10], [20, 30]] }
        """;

    [Fact]
    public void Read_WithLabelledTraffic_TakesThatSectionsMetricsAndRatesAndTheModelsThreshold()
    {
        var baseline = BaselineMetrics.Read(Write("{" + Holdout + """
            , "labelled_traffic": { "rows": 800, "auc": 0.88, "accuracy": 0.9,
              "confusion_matrix": { "classes": ["false", "true"], "counts": [[640, 40], [40, 80]] } }
            }
            """));

        Assert.Equal((0.9, 0.88, 0.43, 800), (baseline.Accuracy, baseline.Auc, baseline.Threshold, baseline.TrafficRows));
        Assert.Equal(120 / 800.0, baseline.PositiveRate!.Value, 12);
        Assert.Equal(120 / 800.0, baseline.PredictedPositiveRate!.Value, 12);
    }

    [Fact]
    public void Read_WithoutLabelledTraffic_TakesTheWholeHoldout()
    {
        var baseline = BaselineMetrics.Read(Write("{" + Holdout + "}"));

        Assert.Equal((0.97, 0.93, 0.43, (int?)null), (baseline.Accuracy, baseline.Auc, baseline.Threshold, baseline.TrafficRows));
        Assert.Equal(50 / 1000.0, baseline.PositiveRate!.Value, 12);
        Assert.Equal(40 / 1000.0, baseline.PredictedPositiveRate!.Value, 12);
    }

    private string Write(string json)
    {
        var path = Path.Combine(root.FullName, "metrics.json");
        File.WriteAllText(path, json);
        return path;
    }
}
