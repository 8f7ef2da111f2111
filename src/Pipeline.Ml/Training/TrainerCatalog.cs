using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// The trainers per task, in default order. Binary: lightgbm, fasttree, fastforest, sdca, lbfgs. Multiclass:
/// lightgbm, sdca_maxent, lbfgs_maxent, fasttree, fastforest (the last two one-versus-all over the binary trainer,
/// Platt-calibrated). Regression: lightgbm, fasttree, fastforest, sdca. One list serves every task
/// (<see cref="Resolve"/>): for multiclass sdca and lbfgs mean sdca_maxent and lbfgs_maxent (and the reverse for
/// binary); lbfgs is skipped with a note for regression, which has no L-BFGS least-squares trainer in ML.NET.
/// </summary>
internal static partial class TrainerCatalog
{
    /// <summary>The trainer names of a task, in default order.</summary>
    public static IReadOnlyList<string> Names(MlTask task) => Specs(task).Select(s => s.Name).ToList();

    internal static TrainerSpec Get(MlTask task, string name) =>
        Specs(task).FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown {task} trainer '{name}' in params.yaml train.trainers. Known trainers: {string.Join(", ", Names(task))}.");

    private static IReadOnlyList<TrainerSpec> Specs(MlTask task) => task switch
    {
        MlTask.Binary => BinarySpecs,
        MlTask.Multiclass => MulticlassSpecs,
        _ => RegressionSpecs,
    };

    // NOTE: LightGBM (UseCategoricalSplit) splits each of the featurizer's one-hot slot groups (their
    // CategoricalSlotRanges) as one categorical feature, many categories to one side, as HistGradientBoosting and
    // XGBoost's native categoricals do, instead of one category at a time; ML.NET turns this on by itself only from
    // 50,000 rows. The categorical settings stay LightGBM's defaults (100 rows per group, smoothing 10): 20 rows
    // per group was worse on ames and credit (bench/README.md).

    private static ParamRange[] LightGbmSpace =>
    [
        new("learning_rate", 0.01, 0.3, Log: true),
        new("min_data_per_leaf", 2, 50, Integer: true),
        new("n_estimators", 50, 400, Log: true, Integer: true),
        new("num_leaves", 4, 64, Log: true, Integer: true),
    ];

    private static ParamRange[] TreeSpace =>
    [
        new("learning_rate", 0.02, 0.3, Log: true),
        new("leaves", 4, 64, Log: true, Integer: true),
        new("min_examples", 2, 50, Integer: true),
        new("trees", 20, 300, Log: true, Integer: true),
    ];

    private static ParamRange[] ForestSpace =>
    [
        new("leaves", 4, 64, Log: true, Integer: true),
        new("min_examples", 2, 50, Integer: true),
        new("trees", 20, 300, Log: true, Integer: true),
    ];

    private static ParamRange[] LinearSpace =>
    [
        new("l1", 1e-6, 1, Log: true),
        new("l2", 1e-6, 1, Log: true),
    ];

    private static int I(IReadOnlyDictionary<string, double> p, string name) => (int)p[name];
}
