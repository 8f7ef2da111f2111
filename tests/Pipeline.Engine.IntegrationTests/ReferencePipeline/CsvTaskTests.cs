namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The unchanged reference pipeline on CSV files of each task type, configured by params.yaml alone.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class CsvTaskTests(ReferenceTemplate template) : IDisposable
{
    private const int Rows = 600;

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_BinaryCsvWithStringLabels_BeatsTheTrivialPredictor()
    {
        var (csv, positiveRate) = SyntheticCsv.Binary(Rows, seed: 11);
        _repo.Write("data/external/churn.csv", csv);
        _repo.Write("params.yaml", CsvParams.Yaml("data/external/churn.csv", "churned", "binary", keyLine: null, "plan", "  min:\n    auc: 0.6"));

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = PipelineFiles.Metrics(_repo);
        Assert.All(new[] { "auc", "pr_auc", "f1", "precision", "recall", "accuracy", "log_loss", "brier" }, k => Assert.Contains(k, metrics.Keys));
        Assert.True(metrics["auc"] > 0.75, $"auc {metrics["auc"]} is near a random ranking's 0.5");
        Assert.True(metrics["pr_auc"] > positiveRate + 0.1, $"pr_auc {metrics["pr_auc"]} is near the positive rate {positiveRate}");
        Assert.Contains("\"column\": \"plan\"", _repo.Read("metrics.json"));
        Assert.Equal(0, PipelineFiles.DataRows(_repo, "data/quarantine/snapshot.csv"));
        Assert.True(Directory.Exists(_repo.PathOf("models/registry/csv-model/v0.0.1")), result.ToString());
    }

    [Fact]
    public void Build_MulticlassCsvWithStringLabels_BeatsTheMajorityClass()
    {
        var (csv, shares) = SyntheticCsv.Multiclass(Rows, seed: 12);
        _repo.Write("data/external/tiers.csv", csv);
        _repo.Write("params.yaml", CsvParams.Yaml("data/external/tiers.csv", "tier", "multiclass", "key: \"\"", "region", "  min:\n    macro_f1: 0.4"));

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = PipelineFiles.Metrics(_repo);
        Assert.All(new[] { "macro_f1", "micro_f1", "accuracy", "log_loss" }, k => Assert.Contains(k, metrics.Keys));
        var majority = shares.Values.Max();
        // NOTE: always predicting the majority class scores its share as accuracy, 2p/(1+p)/k as macro F1, and the
        // class-prior entropy as log loss.
        Assert.True(metrics["accuracy"] > majority + 0.1, $"accuracy {metrics["accuracy"]} vs majority share {majority}");
        Assert.True(metrics["macro_f1"] > 2 * majority / (1 + majority) / shares.Count + 0.2, $"macro_f1 {metrics["macro_f1"]}");
        Assert.True(metrics["log_loss"] < -shares.Values.Sum(p => p * Math.Log(p)), $"log_loss {metrics["log_loss"]} is no better than the class prior");
        Assert.True(Directory.Exists(_repo.PathOf("models/registry/csv-model/v0.0.1")), result.ToString());
    }

    [Fact]
    public void Build_RegressionCsv_BeatsTheMeanPredictor()
    {
        var (csv, labels) = SyntheticCsv.Regression(Rows, seed: 13);
        _repo.Write("data/external/prices.csv", csv);
        _repo.Write("params.yaml", CsvParams.Yaml("data/external/prices.csv", "price", "regression", keyLine: null, "", "  min:\n    r2: 0.5"));

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = PipelineFiles.Metrics(_repo);
        Assert.All(new[] { "rmse", "mae", "r2" }, k => Assert.Contains(k, metrics.Keys));
        var mean = labels.Average();
        var meanRmse = Math.Sqrt(labels.Average(y => (y - mean) * (y - mean)));
        var meanMae = labels.Average(y => Math.Abs(y - mean));
        Assert.True(metrics["r2"] > 0.7, $"r2 {metrics["r2"]} is near the mean predictor's 0");
        Assert.True(metrics["rmse"] < 0.6 * meanRmse, $"rmse {metrics["rmse"]} vs the mean predictor's {meanRmse}");
        Assert.True(metrics["mae"] < 0.6 * meanMae, $"mae {metrics["mae"]} vs the mean predictor's {meanMae}");
        Assert.True(Directory.Exists(_repo.PathOf("models/registry/csv-model/v0.0.1")), result.ToString());
    }
}
