using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Ml.Training;

/// <summary>Regression trainers; each outputs a <c>Score</c>.</summary>
internal static partial class TrainerCatalog
{
    private static IReadOnlyList<TrainerSpec> RegressionSpecs =>
    [
        new("lightgbm", LightGbmSpace, (ml, p) => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LearningRate = p["learning_rate"],
            MinimumExampleCountPerLeaf = I(p, "min_data_per_leaf"),
            NumberOfIterations = I(p, "n_estimators"),
            NumberOfLeaves = I(p, "num_leaves"),
            UseCategoricalSplit = true,
            NumberOfThreads = 1,
            Seed = 1,
            Deterministic = true,
            Silent = true,
        })),
        new("fasttree", TreeSpace, (ml, p) => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LearningRate = p["learning_rate"],
            NumberOfLeaves = I(p, "leaves"),
            MinimumExampleCountPerLeaf = I(p, "min_examples"),
            NumberOfTrees = I(p, "trees"),
            NumberOfThreads = 1,
        })),
        new("fastforest", ForestSpace, (ml, p) => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            NumberOfLeaves = I(p, "leaves"),
            MinimumExampleCountPerLeaf = I(p, "min_examples"),
            NumberOfTrees = I(p, "trees"),
            NumberOfThreads = 1,
        })),
        new("sdca", LinearSpace, (ml, p) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
        {
            L1Regularization = (float)p["l1"],
            L2Regularization = (float)p["l2"],
            NumberOfThreads = 1,
        })),
    ];
}
