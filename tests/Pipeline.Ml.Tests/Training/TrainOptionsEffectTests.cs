using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Tests.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public sealed class TrainOptionsEffectTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mltrainopts-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData("learning_rate", "0.1", "Unknown parameter 'train.learning_rate' in params.yaml. Known in 'train': train.trainers, ")]
    [InlineData("budjet", "8", "Unknown parameter 'train.budjet' in params.yaml. Did you mean 'train.budget'?")]
    [InlineData("budget", "0", "params.yaml train.budget is '0'; expected an integer >= 1.")]
    [InlineData("budget", "many", "params.yaml train.budget is 'many'; expected an integer >= 1.")]
    [InlineData("search", "grid", "params.yaml train.search is 'grid'; expected one of: random_halving, random.")]
    [InlineData("cv_folds", "1", "params.yaml train.cv_folds is '1'; expected 0 (one validation split) or at least 2 folds.")]
    [InlineData("validation_fraction", "1", "params.yaml train.validation_fraction is '1'; expected a number between 0 and 1 (both excluded).")]
    [InlineData("metric", "rmse", "params.yaml train.metric is 'rmse'; expected a binary metric: auc, pr_auc, f1, precision, recall, accuracy, log_loss, brier.")]
    [InlineData("seed", "-3", "params.yaml train.seed is '-3'; expected an integer >= 0.")]
    [InlineData("parallel", "0", "params.yaml train.parallel is '0'; expected an integer >= 1.")]
    [InlineData("onnx", "yes", "params.yaml train.onnx is 'yes'; expected true or false.")]
    [InlineData("trainers", "lightgmb", "Unknown trainer 'lightgmb' in params.yaml train.trainers.")]
    public void FromParams_UnknownKeyOrInvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var error = Assert.Throws<ParamException>(() => TrainOptions.FromParams(MlTask.Binary, new Dictionary<string, string> { [key] = value }));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Run_EachDocumentedKey_ChangesTheTrials()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName, rows: 200);
        var baseline = new Dictionary<string, string> { ["trainers"] = "sdca", ["budget"] = "2", ["search"] = "random", ["parallel"] = "1" };
        var run = 0;
        string Train(IReadOnlyDictionary<string, string> section)
        {
            var settings = new Dictionary<string, string>(baseline);
            foreach (var (key, value) in section) settings[key] = value;
            var output = Path.Combine(root.FullName, $"run{run++}");
            ModelTrainerTests.Train(data, output, TrainOptions.FromParams(MlTask.Binary, settings));
            return DocumentedKeys.Digest(Path.Combine(output, "trials.csv"), Path.Combine(output, "model.zip"));
        }

        DocumentedKeys.EachChangesOutput(TrainOptions.Keys, Train,
        [
            new("trainers", "lbfgs"),
            new("budget", "3"),
            new("search", "random_halving", new Dictionary<string, string> { ["budget"] = "4" }),
            new("cv_folds", "3"),
            // NOTE: with cv_folds unset these 200 rows are a small table, validated on 5 folds: the split needs cv_folds 0.
            new("validation_fraction", "0.5", new Dictionary<string, string> { ["cv_folds"] = "0" }),
            new("metric", "pr_auc"),
            new("seed", "99"),
        ],
        // NOTE: results never depend on parallel (by design, ModelTrainerTests proves it) nor on max_parallel_trials (the
        // %limit of a rung's Slurm job array); onnx adds models/model.onnx, an output the build declares, not a change to these files.
        withoutEffect: ["parallel", "max_parallel_trials", "onnx"]);
    }
}
