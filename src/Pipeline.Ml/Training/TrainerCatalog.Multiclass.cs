using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Pipeline.Ml.Training;

/// <summary>Multiclass trainers; each outputs a per-class probability <c>Score</c> vector.</summary>
internal static partial class TrainerCatalog
{
    private static IReadOnlyList<TrainerSpec> MulticlassSpecs =>
    [
        new("lightgbm", LightGbmSpace, (ml, p) => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
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
        new("sdca_maxent", LinearSpace, (ml, p) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = (float)p["l1"],
            L2Regularization = (float)p["l2"],
            NumberOfThreads = 1,
        })),
        new("lbfgs_maxent", LinearSpace, (ml, p) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = (float)p["l1"],
            L2Regularization = (float)p["l2"],
            NumberOfThreads = 1,
        })),
        new("fasttree", TreeSpace, (ml, p) => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LearningRate = p["learning_rate"],
                NumberOfLeaves = I(p, "leaves"),
                MinimumExampleCountPerLeaf = I(p, "min_examples"),
                NumberOfTrees = I(p, "trees"),
                NumberOfThreads = 1,
            }))),
        new("fastforest", ForestSpace, (ml, p) => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
            {
                NumberOfLeaves = I(p, "leaves"),
                MinimumExampleCountPerLeaf = I(p, "min_examples"),
                NumberOfTrees = I(p, "trees"),
                NumberOfThreads = 1,
            }))),
    ];
}
