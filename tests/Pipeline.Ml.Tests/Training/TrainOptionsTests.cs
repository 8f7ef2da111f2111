using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public sealed class TrainOptionsTests
{
    [Fact]
    public void FromParams_FlatKeys_MapsEveryOption()
    {
        var options = TrainOptions.FromParams(MlTask.Binary, new Dictionary<string, string>
        {
            ["trainers"] = "[lightgbm, sdca]",
            ["budget"] = "8",
            ["search"] = "random",
            ["cv_folds"] = "3",
            ["validation_fraction"] = "0.25",
            ["metric"] = "pr_auc",
            ["seed"] = "11",
            ["parallel"] = "1",
            ["onnx"] = "true",
        });

        Assert.Equal(["lightgbm", "sdca"], options.ResolvedTrainers);
        Assert.Equal((8, SearchStrategy.Random, 3, 0.25, "pr_auc", 11, 1), (options.Budget, options.Search, options.CvFolds, options.ValidationFraction, options.ResolvedMetric, options.Seed, options.Parallel));
        Assert.True(options.Onnx);
    }

    [Theory]
    [InlineData(MlTask.Binary, "auc", "lightgbm,fasttree,fastforest,sdca,lbfgs")]
    [InlineData(MlTask.Multiclass, "macro_f1", "lightgbm,sdca_maxent,lbfgs_maxent,fasttree,fastforest")]
    [InlineData(MlTask.Regression, "r2", "lightgbm,fasttree,fastforest,sdca")]
    public void Defaults_PerTask_MetricAndTrainers(MlTask task, string metric, string trainers)
    {
        var options = new TrainOptions { Task = task };

        Assert.Equal(metric, options.ResolvedMetric);
        Assert.Equal(trainers, string.Join(",", options.ResolvedTrainers));
    }

    [Theory]
    [InlineData(MlTask.Binary, "lightgbm,fasttree,fastforest,sdca,lbfgs", 0)]
    [InlineData(MlTask.Multiclass, "lightgbm,fasttree,fastforest,sdca_maxent,lbfgs_maxent", 2)]
    [InlineData(MlTask.Regression, "lightgbm,fasttree,fastforest,sdca", 1)]
    public void ResolvedTrainers_OneListForEveryTask_MapsOrSkipsWithNotes(MlTask task, string trainers, int notes)
    {
        var options = new TrainOptions { Task = task, Trainers = ["lightgbm", "fasttree", "fastforest", "sdca", "lbfgs"] };

        Assert.Equal(trainers, string.Join(",", options.ResolvedTrainers));
        Assert.Equal(notes, options.TrainerNotes.Count);
    }

    [Fact]
    public void TrainerNotes_LbfgsForRegression_SaysWhySkipped()
    {
        var options = new TrainOptions { Task = MlTask.Regression, Trainers = ["lbfgs", "sdca"] };

        Assert.Equal(["sdca"], options.ResolvedTrainers);
        Assert.Equal("Trainer 'lbfgs' skipped: ML.NET has no L-BFGS least-squares regression trainer (LbfgsPoissonRegression fits a Poisson count model, not an equivalent).", Assert.Single(options.TrainerNotes));
    }

    [Fact]
    public void ResolvedTrainers_NoneApplies_ListsTheTasksTrainers()
    {
        var error = Assert.Throws<ParamException>(() => new TrainOptions { Task = MlTask.Regression, Trainers = ["lbfgs"] }.ResolvedTrainers);

        Assert.Equal("No trainer in params.yaml train.trainers (lbfgs) applies to a regression task. Trainers for regression: lightgbm, fasttree, fastforest, sdca.", error.Message);
    }

    [Fact]
    public void ResolvedTrainers_Unknown_ListsKnownTrainers()
    {
        var error = Assert.Throws<ParamException>(() => new TrainOptions { Task = MlTask.Binary, Trainers = ["lightgmb"] }.ResolvedTrainers);

        Assert.Equal("Unknown trainer 'lightgmb' in params.yaml train.trainers. Known trainers: fastforest, fasttree, lbfgs, lbfgs_maxent, lightgbm, sdca, sdca_maxent; for a binary task: lightgbm, fasttree, fastforest, sdca, lbfgs.", error.Message);
    }

    [Fact]
    public void ResolvedMetric_NotOfTask_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TrainOptions { Task = MlTask.Regression, Metric = "auc" }.ResolvedMetric);
    }

    [Fact]
    public void Sample_SameSeed_SameConfigurationsWithinRanges()
    {
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 20, Seed = 4 };

        var a = HalvingTuner.Sample(options);
        var b = HalvingTuner.Sample(options);

        Assert.Equal(a.Select(c => c.Trainer + TrialsCsv.ParamsJson(c.Params)), b.Select(c => c.Trainer + TrialsCsv.ParamsJson(c.Params)));
        Assert.All(a.Where(c => c.Trainer == "lightgbm"), c => Assert.InRange(c.Params["num_leaves"], 4, 64));
        Assert.True(a.Select(c => c.Trainer).Distinct().Count() >= 3);
    }
}
