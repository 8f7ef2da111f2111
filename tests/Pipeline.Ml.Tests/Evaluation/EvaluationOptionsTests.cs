using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Tests.Data;
using Pipeline.Ml.Tests.Training;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Evaluation;

public sealed class EvaluationOptionsTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mlevalopts-");

    public void Dispose() => root.Delete(recursive: true);

    private static EvaluationOptions Options(string model = "m.zip", string metrics = "metrics.json") =>
        new() { Task = MlTask.Binary, ModelPath = model, MetricsPath = metrics };

    [Theory]
    [InlineData("slice", "device", "Unknown parameter 'evaluate.slice' in params.yaml. Did you mean 'evaluate.slice_column'?")]
    [InlineData("bootstrap", "0", "params.yaml evaluate.bootstrap is '0'; expected an integer >= 1.")]
    [InlineData("seed", "x", "params.yaml evaluate.seed is 'x'; expected an integer >= 0.")]
    [InlineData("importance_rows", "-1", "params.yaml evaluate.importance_rows is '-1'; expected an integer >= 1.")]
    [InlineData("threshold", "2", "params.yaml evaluate.threshold is '2'; expected a number from 0 to 1.")]
    [InlineData("metric", "r2", "params.yaml evaluate.metric is 'r2'; expected a binary metric: ")]
    [InlineData("cost_fn_fp", "0", "params.yaml evaluate.cost_fn_fp is '0'; expected a number above 0")]
    [InlineData("cost_fn_fp", "lots", "params.yaml evaluate.cost_fn_fp is 'lots'")]
    public void WithParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => Options().WithParams(new Dictionary<string, string> { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Run_EachDocumentedKey_ChangesTheMetricsOrReport()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName);
        ModelTrainerTests.Train(data, Path.Combine(root.FullName, "candidate"), new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = 5, Search = SearchStrategy.Random, Trainers = ["lbfgs"], Parallel = 1 });
        ModelTrainerTests.Train(data, Path.Combine(root.FullName, "production"), new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = 9, Search = SearchStrategy.Random, Trainers = ["sdca"], Parallel = 1 });
        var run = 0;
        string Evaluate(IReadOnlyDictionary<string, string> section)
        {
            var output = Directory.CreateDirectory(Path.Combine(root.FullName, $"eval{run++}")).FullName;
            var options = Options(Path.Combine(root.FullName, "candidate", "model.zip"), Path.Combine(output, "metrics.json")) with
            {
                HoldoutPath = data.TestPath,
                ReportsDirectory = Path.Combine(output, "reports"),
                ProductionModelPath = Path.Combine(root.FullName, "production", "model.zip"),
                LabelColumn = "label",
                Bootstrap = 50,
            };
            Evaluator.Run(options.WithParams(section));
            return DocumentedKeys.Digest(options.MetricsPath, Path.Combine(output, "reports", "evaluation.html"));
        }

        DocumentedKeys.EachChangesOutput(EvaluationOptions.Keys, Evaluate,
        [
            new("slice_column", "segment"),
            new("metric", "pr_auc"),
            new("bootstrap", "20"),
            new("seed", "99"),
            new("importance_rows", "20"),
            new("threshold", "0.9"),
        ],
        // NOTE: recommendation's keys (RecommendationEvaluationOptions); a binary evaluation does not read them.
        // cost_fn_fp is Train's (the threshold is chosen with the model); Evaluate only checks its value.
        withoutEffect: ["relevant_at", "k", "cost_fn_fp"]);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("none", null)]
    [InlineData("5", 5.0)]
    public void CostFnFp_NoneOrARatio(string? value, double? expected) => Assert.Equal(expected, EvaluationOptions.CostFnFp(value));

    [Fact]
    public void Threshold_CostRatio_MinimisesCostElseBestF1()
    {
        double[] labels = [1, 0, 1, 0, 1, 0, 0], scores = [0.9, 0.8, 0.7, 0.4, 0.3, 0.2, 0.1];
        Assert.Equal(BinaryMetrics.BestF1Threshold(labels, scores), BinaryMetrics.Threshold(labels, scores, null));
        Assert.Equal(0.3, BinaryMetrics.Threshold(labels, scores, 10));
    }
}
