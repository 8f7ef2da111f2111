using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

/// <summary>What the catalogue's trainers are given beyond their sampled hyper-parameters.</summary>
public sealed class TrainerCatalogTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mlcatalog-");

    public void Dispose() => root.Delete(recursive: true);

    // NOTE: 400 rows, far below the 50,000 from which ML.NET turns categorical splits on by itself.
    [Fact]
    public void LightGbm_OneHotSlotGroupOfTheFeaturizer_IsSplitAsOneCategoricalFeature()
    {
        var data = new SyntheticTask(MlTask.Regression, root.FullName, rows: 400);
        var ml = new MLContext(1);
        var raw = data.Load(ml, data.TrainPath);
        using var rows = FeaturizedRows.Spill(ml, ModelTrainer.Featurize(ml, raw, data.Featurizer(ml, raw), MlTask.Regression));
        var parameters = new Dictionary<string, double> { ["learning_rate"] = 0.1, ["min_data_per_leaf"] = 20, ["n_estimators"] = 30, ["num_leaves"] = 8 };

        var model = (RegressionPredictionTransformer<LightGbmRegressionModelParameters>)TrainerCatalog.Get(MlTask.Regression, "lightgbm").Create(ml, parameters).Fit(rows.View);

        VBuffer<int> ranges = default;
        rows.View.Schema["Features"].Annotations.GetValue("CategoricalSlotRanges", ref ranges);
        Assert.Equal([2, 4], ranges.DenseValues());
        Assert.Contains(model.Model.TrainedTreeEnsemble.Trees, tree => tree.CategoricalSplitFlags.Any(flag => flag));
    }
}
