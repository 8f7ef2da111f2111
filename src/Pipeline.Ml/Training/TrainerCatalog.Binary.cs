using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Ml.Training;

/// <summary>Binary trainers; each outputs a calibrated <c>Probability</c>.</summary>
internal static partial class TrainerCatalog
{
    private static IReadOnlyList<TrainerSpec> BinarySpecs =>
    [
        new("lightgbm", LightGbmSpace, (ml, p) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
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
        new("fasttree", TreeSpace, (ml, p) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LearningRate = p["learning_rate"],
            NumberOfLeaves = I(p, "leaves"),
            MinimumExampleCountPerLeaf = I(p, "min_examples"),
            NumberOfTrees = I(p, "trees"),
            NumberOfThreads = 1,
        })),
        // NOTE: FastForest scores are not probabilities; Platt calibration (fitted on the same rows) makes them so.
        new("fastforest", ForestSpace, (ml, p) => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfLeaves = I(p, "leaves"),
            MinimumExampleCountPerLeaf = I(p, "min_examples"),
            NumberOfTrees = I(p, "trees"),
            NumberOfThreads = 1,
        }).Append(ml.BinaryClassification.Calibrators.Platt())),
        new("sdca", LinearSpace, (ml, p) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = (float)p["l1"],
            L2Regularization = (float)p["l2"],
            NumberOfThreads = 1,
        })),
        new("lbfgs", LinearSpace, (ml, p) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = (float)p["l1"],
            L2Regularization = (float)p["l2"],
            NumberOfThreads = 1,
        })),
    ];
}
