using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Training;
using Xunit.Abstractions;

namespace Pipeline.Ml.Tests.Training;

public sealed class ModelTrainerTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mltrain-");

    public void Dispose() => root.Delete(recursive: true);

    internal static TrainResult Train(SyntheticTask data, string outDir, TrainOptions options)
    {
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        var featurizer = data.Featurizer(ml, raw);
        return ModelTrainer.Run(raw, featurizer, options, new TrainOutputs(Path.Combine(outDir, "model.zip"), Path.Combine(outDir, "trials.csv"))
        {
            TimingPath = Path.Combine(outDir, "trials_timing.csv"),
            OnnxPath = Path.Combine(outDir, "model.onnx"),
        });
    }

    // NOTE: 6 + 2 + 1 trials: with Parallel 2 the single-trial last rung and the refit run side by side; with 1 they do not.
    [Fact]
    public void Run_BinaryTwiceWithDifferentParallelism_SameTrialsAndByteIdenticalModel()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 6, Seed = 3, Trainers = ["lightgbm", "fasttree", "sdca", "lbfgs"] };
        var a = Train(data, Path.Combine(root.FullName, "a"), options with { Parallel = 1 });
        var b = Train(data, Path.Combine(root.FullName, "b"), options with { Parallel = 2 });

        Assert.Equal(a.Best.Trial, b.Best.Trial);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root.FullName, "a", "trials.csv")), File.ReadAllBytes(Path.Combine(root.FullName, "b", "trials.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root.FullName, "a", "model.zip")), File.ReadAllBytes(Path.Combine(root.FullName, "b", "model.zip")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root.FullName, "a", "model.json")), File.ReadAllBytes(Path.Combine(root.FullName, "b", "model.json")));
        Assert.True(a.Best.Value > 0.75, $"validation auc {a.Best.Value}");
        Assert.Equal(6 + 2 + 1, a.Trials.Count);
        Assert.Equal(a.Onnx.Exported, File.Exists(Path.Combine(root.FullName, "a", "model.onnx")));
        output.WriteLine($"best {a.Best.Trainer} {a.Best.Value}; onnx: {a.Onnx.Note}");
        output.WriteLine(File.ReadAllText(Path.Combine(root.FullName, "a", "trials.csv")));
    }

    [Fact]
    public void Run_WithSearchProgress_CountsEveryRungsTrials_WeighsThemByData_AndKeepsTheBestSoFar()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName);
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 6, Seed = 3, Parallel = 2, Trainers = ["sdca", "lbfgs"] };
        var statuses = new List<SearchStatus>();
        var progress = new SearchProgress(options, statuses.Add);
        var outDir = Path.Combine(root.FullName, "progress");

        var result = ModelTrainer.Run(raw, data.Featurizer(ml, raw), options, new TrainOutputs(Path.Combine(outDir, "model.zip"), Path.Combine(outDir, "trials.csv")), progress);

        // NOTE: 6 trials on a quarter of the rows, 2 on half, 1 on all: 9 trials, 3.5 rows-worth of work.
        Assert.Equal(9, progress.Total);
        Assert.Equal(Enumerable.Range(1, 9), statuses.Select(s => s.Done));
        Assert.All(statuses, s => Assert.Equal(9, s.Total));
        Assert.Equal(6 * 0.25 / 3.5, statuses[5].WorkDone, 6);
        Assert.Equal(1.0, statuses[^1].WorkDone, 6);
        var best = result.Trials.MaxBy(t => t.Value)!;
        Assert.Equal(best.Value, statuses[^1].Best.Value);
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"auc {best.Value:0.0000} ({best.Trainer}, trial {best.Trial})"), statuses[^1].BestText);
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"trial {result.Best.Trial} (rung 2, {result.Best.Trainer}): auc {result.Best.Value:0.0000}"), statuses[^1].LastText);
    }

    // NOTE: before cancellation reached the trainer, a cancelled Train finished all its trials (issue 17 item 6).
    [Fact]
    public void Run_CancelledAfterFirstTrial_StartsNoOtherTrialAndWritesNothing()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName);
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        using var cancellation = new CancellationTokenSource();
        var finished = 0;
        var progress = new Callback<TrialResult>(_ => { Interlocked.Increment(ref finished); cancellation.Cancel(); });
        var outDir = Path.Combine(root.FullName, "cancelled");
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 12, Seed = 3, Search = SearchStrategy.Random, Parallel = 1, Trainers = ["sdca", "lbfgs"] };

        Assert.ThrowsAny<OperationCanceledException>(() => ModelTrainer.Run(raw, data.Featurizer(ml, raw), options,
            new TrainOutputs(Path.Combine(outDir, "model.zip"), Path.Combine(outDir, "trials.csv")), progress, cancellation.Token));

        Assert.Equal(1, finished);
        Assert.False(File.Exists(Path.Combine(outDir, "model.zip")));
        Assert.False(File.Exists(Path.Combine(outDir, "trials.csv")));
    }

    [Fact]
    public void StopOn_CancelledToken_MlNetTrainingThrowsOperationCanceled()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName);
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        var featurized = data.Featurizer(ml, raw).Transform(raw);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        using (ml.StopOn(cancellation.Token))
            Assert.ThrowsAny<OperationCanceledException>(() => ml.BinaryClassification.Trainers.SdcaLogisticRegression().Fit(featurized));

        Assert.True(MlCancellation.Supported);
    }

    private sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Theory]
    [InlineData(MlTask.Multiclass)]
    [InlineData(MlTask.Regression)]
    public void Run_OtherTasks_TrainsEveryDefaultTrainerKindAndWritesModel(MlTask task)
    {
        var data = new SyntheticTask(task, root.FullName);
        var result = Train(data, root.FullName, new TrainOptions { Task = task, Budget = 4, Seed = 5, Search = SearchStrategy.Random, Parallel = 2 });

        Assert.Equal(4, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.Null(t.Error));
        Assert.True(result.Best.Value > 0.6, $"validation {result.Model.Metric} {result.Best.Value}");
        Assert.True(File.Exists(Path.Combine(root.FullName, "model.zip")));
        var (model, schema) = ModelZip.Load(new MLContext(0), Path.Combine(root.FullName, "model.zip"));
        Assert.NotNull(schema.GetColumnOrNull("segment"));
        Assert.NotNull(model.Transform(SnapshotLoader.Load(new MLContext(0), data.TestPath, schema)).Schema.GetColumnOrNull("Score"));
    }

    [Fact]
    public void Run_CrossValidation_BestTrialHasThresholdAndModelInfo()
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName, rows: 300);
        var result = Train(data, root.FullName, new TrainOptions { Task = MlTask.Binary, Budget = 3, CvFolds = 3, Seed = 2, Trainers = ["lbfgs", "sdca"] });

        var info = ModelInfo.TryRead(Path.Combine(root.FullName, "model.json"));
        Assert.NotNull(info);
        Assert.Equal(result.Best.Trainer, info.Trainer);
        Assert.InRange(info.Threshold, 0.0, 1.0);
        Assert.Equal(3 + 1 + 1, result.Trials.Count);
    }

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("fastforest")]
    public void Run_TreeTrainerTwice_ByteIdenticalModel(string trainer)
    {
        var data = new SyntheticTask(MlTask.Binary, root.FullName, rows: 300);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = 8, Search = SearchStrategy.Random, Trainers = [trainer] };
        Train(data, Path.Combine(root.FullName, "a"), options);
        Train(data, Path.Combine(root.FullName, "b"), options);

        Assert.Equal(File.ReadAllBytes(Path.Combine(root.FullName, "a", "model.zip")), File.ReadAllBytes(Path.Combine(root.FullName, "b", "model.zip")));
    }

    [Fact]
    public void Run_MulticlassFastForest_TrainsOneVersusAllForest()
    {
        var data = new SyntheticTask(MlTask.Multiclass, root.FullName, rows: 300);
        var options = new TrainOptions { Task = MlTask.Multiclass, Budget = 1, Seed = 8, Search = SearchStrategy.Random, Trainers = ["fastforest"] };

        var result = Train(data, root.FullName, options);

        Assert.Null(Assert.Single(result.Trials).Error);
        Assert.Equal("fastforest", result.Best.Trainer);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Run_FromCsvAndFeaturizerZip_LoadsRowsTypedByTheFeaturizerSchema()
    {
        var data = new SyntheticTask(MlTask.Regression, root.FullName, rows: 200);
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        var featurizerPath = Path.Combine(root.FullName, "featurizer.zip");
        ml.Model.Save(data.Featurizer(ml, raw), raw.Schema, featurizerPath);
        var options = new TrainOptions { Task = MlTask.Regression, Budget = 1, Search = SearchStrategy.Random, Trainers = ["sdca", "lbfgs"] };

        var result = ModelTrainer.Run(data.TrainPath, featurizerPath, options, new TrainOutputs(Path.Combine(root.FullName, "model.zip"), Path.Combine(root.FullName, "trials.csv")));

        Assert.True(result.Best.Value > 0.6, $"r2 {result.Best.Value}");
        Assert.False(result.Onnx.Exported);
        Assert.Equal("No ONNX path given.", result.Onnx.Note);
        Assert.StartsWith("Trainer 'lbfgs' skipped:", Assert.Single(result.Notes));
    }
}
