using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Tests.Training;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Evaluation;

public sealed class EvaluatorTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mleval-");

    public void Dispose() => root.Delete(recursive: true);

    private string Dir(string name) => Directory.CreateDirectory(Path.Combine(root.FullName, name)).FullName;

    private (SyntheticTask Data, string Model) Trained(MlTask task, string trainer, string name, int seed = 5)
    {
        var data = new SyntheticTask(task, root.FullName);
        ModelTrainerTests.Train(data, Dir(name), new TrainOptions { Task = task, Budget = 1, Seed = seed, Search = SearchStrategy.Random, Trainers = [trainer] });
        return (data, Path.Combine(root.FullName, name, "model.zip"));
    }

    private EvaluationOptions Options(SyntheticTask data, MlTask task, string model, string output) => new()
    {
        Task = task,
        ModelPath = model,
        HoldoutPath = data.TestPath,
        MetricsPath = Path.Combine(Dir(output), "metrics.json"),
        ReportsDirectory = Path.Combine(root.FullName, output, "reports"),
        SliceColumn = "segment",
        LabelColumn = "label",
        Bootstrap = 200,
    };

    private static List<string> Keys(string metricsPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(metricsPath));
        return doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void Run_WithKeyColumn_WritesTheHoldoutsLabelledTrafficMetrics()
    {
        var ml = new Microsoft.ML.MLContext(1);
        var train = ml.Data.LoadFromEnumerable(KeyedRow.Generate(3000, 1500, seed: 9));
        var holdoutRows = KeyedRow.Generate(1000, 300, seed: 10);
        var model = Path.Combine(Dir("keyed"), "model.zip");
        ModelTrainer.Run(train, KeyedRow.Featurizer(ml, train), new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = 3, Trainers = ["lbfgs"] },
            new TrainOutputs(model, Path.Combine(root.FullName, "keyed", "trials.csv")));
        var options = new EvaluationOptions
        {
            Task = MlTask.Binary, ModelPath = model, Holdout = ml.Data.LoadFromEnumerable(holdoutRows),
            MetricsPath = Path.Combine(Dir("keyed-eval"), "metrics.json"), Bootstrap = 50, ImportanceRows = 100,
        };

        Evaluator.Run(options with { KeyColumn = "Id" });
        using var keyed = JsonDocument.Parse(File.ReadAllText(options.MetricsPath));
        Evaluator.Run(options);
        var unkeyed = Keys(options.MetricsPath);

        var traffic = keyed.RootElement.GetProperty("labelled_traffic");
        var counts = traffic.GetProperty("confusion_matrix").GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.Equal(300, traffic.GetProperty("rows").GetInt32());
        Assert.Equal(holdoutRows.Count(r => r.IsTraffic && r.Label), counts[1].Sum());
        Assert.NotEqual(keyed.RootElement.GetProperty("accuracy").GetDouble(), traffic.GetProperty("accuracy").GetDouble());
        Assert.DoesNotContain("labelled_traffic", unkeyed);
    }

    // NOTE: issue 17 item 6: cancellation reaches the scoring (ML.NET), the bootstrap and the importance loop.
    [Fact]
    public void Run_Cancelled_ThrowsAndWritesNothing()
    {
        var (data, candidate) = Trained(MlTask.Binary, "lbfgs", "candidate");
        var options = Options(data, MlTask.Binary, candidate, "cancelled");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Evaluator.Run(options, cancellation.Token));

        Assert.False(File.Exists(options.MetricsPath));
        Assert.False(Directory.Exists(options.ReportsDirectory));
    }

    [Fact]
    public void Run_BinaryWithProduction_WritesKeysComparisonPlotsAndSelfContainedHtml()
    {
        var (data, candidate) = Trained(MlTask.Binary, "lbfgs", "candidate");
        var (_, production) = Trained(MlTask.Binary, "fastforest", "production", seed: 9);
        var options = Options(data, MlTask.Binary, candidate, "eval1") with { ProductionModelPath = production, ProductionLabel = "v0.0.1" };

        var result = Evaluator.Run(options);
        Evaluator.Run(options with { MetricsPath = Path.Combine(Dir("eval2"), "metrics.json"), ReportsDirectory = Path.Combine(root.FullName, "eval2", "reports") });

        Assert.Equal(["auc", "pr_auc", "f1", "precision", "recall", "accuracy", "log_loss", "brier", "threshold", "confusion_matrix", "slices", "comparison"], Keys(options.MetricsPath));
        Assert.True(result["auc"] > 0.8, $"auc {result["auc"]}");
        Assert.Equal(["east", "north", "south"], result.Slices.Select(s => s.Value));
        Assert.Equal(200, result.Slices.Sum(s => s.Rows));
        Assert.Equal(File.ReadAllBytes(options.MetricsPath), File.ReadAllBytes(Path.Combine(root.FullName, "eval2", "metrics.json")));
        var html = File.ReadAllText(Path.Combine(options.ReportsDirectory!, "evaluation.html"));
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        foreach (var png in new[] { "roc.png", "pr.png", "calibration.png", "confusion_matrix.png", "feature_importance.png", "roc.csv", "pr.csv", "calibration.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(options.ReportsDirectory!, png)), File.ReadAllBytes(Path.Combine(root.FullName, "eval2", "reports", png)));
        }

        Assert.Contains(result.Importance, i => i.Column == "x1" && i.Drop > 0);
        Assert.DoesNotContain(result.Importance, i => i.Column == "label");
        Assert.Equal("v0.0.1", result.Comparison!.Production);
        var roc = File.ReadAllLines(Path.Combine(options.ReportsDirectory!, "roc.csv"));
        Assert.Equal(["fpr,tpr", "0,0"], roc[..2]);
        Assert.Equal("1,1", roc[^1]);
        Assert.Equal("recall,precision", File.ReadLines(Path.Combine(options.ReportsDirectory!, "pr.csv")).First());
        var calibration = File.ReadAllLines(Path.Combine(options.ReportsDirectory!, "calibration.csv"));
        Assert.Equal("mean_predicted,observed_rate", calibration[0]);
        Assert.InRange(calibration.Length - 1, 2, 10);
    }

    [Theory]
    [InlineData(MlTask.Multiclass, "lbfgs_maxent", new[] { "accuracy", "log_loss", "macro_f1", "micro_f1", "confusion_matrix", "slices" })]
    [InlineData(MlTask.Regression, "sdca", new[] { "rmse", "mae", "r2", "slices" })]
    public void Run_OtherTasks_MetricsJsonKeysOfTheTask(MlTask task, string trainer, string[] keys)
    {
        var (data, model) = Trained(task, trainer, "model");
        var options = Options(data, task, model, "eval");

        Evaluator.Run(options);

        Assert.Equal(keys, Keys(options.MetricsPath));
        Assert.True(File.Exists(Path.Combine(options.ReportsDirectory!, "feature_importance.png")));
        if (task != MlTask.Regression) return;
        var binned = File.ReadAllLines(Path.Combine(options.ReportsDirectory!, "predicted_vs_actual.csv"));
        Assert.Equal("mean_predicted,mean_actual", binned[0]);
        Assert.Equal(11, binned.Length);
        var residuals = File.ReadAllLines(Path.Combine(options.ReportsDirectory!, "residuals.csv"));
        Assert.Equal(["abs_error,share_within", "0,0"], residuals[..2]);
        Assert.EndsWith(",1", residuals[^1], StringComparison.Ordinal);
    }
}
