using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// The metric keys of metrics.json, in their canonical (file) order, with their direction and the default
/// optimised metric per task: <c>auc</c> for binary, <c>macro_f1</c> for multiclass, <c>r2</c> for regression,
/// <c>ndcg_at_10</c> for recommendation.
/// </summary>
public static class MetricNames
{
    public const string Auc = "auc";
    public const string PrAuc = "pr_auc";
    public const string F1 = "f1";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string Accuracy = "accuracy";
    public const string LogLoss = "log_loss";
    public const string Brier = "brier";
    public const string MacroF1 = "macro_f1";
    public const string MicroF1 = "micro_f1";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";
    public const string NdcgAt10 = "ndcg_at_10";
    public const string HitRateAt10 = "hit_rate_at_10";
    public const string RecallAt10 = "recall_at_10";
    public const string PrecisionAt10 = "precision_at_10";
    public const string MapAt10 = "map_at_10";
    public const string Coverage = "coverage";

    /// <summary>Every metric key in canonical order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Auc, PrAuc, F1, Precision, Recall, Accuracy, LogLoss, Brier, MacroF1, MicroF1, Rmse, Mae, R2, NdcgAt10, HitRateAt10, RecallAt10, PrecisionAt10, MapAt10, Coverage];

    /// <summary>The metric keys that apply to a task, in canonical order.</summary>
    public static IReadOnlyList<string> For(MlTask task) => task switch
    {
        MlTask.Binary => [Auc, PrAuc, F1, Precision, Recall, Accuracy, LogLoss, Brier],
        MlTask.Multiclass => [Accuracy, LogLoss, MacroF1, MicroF1],
        MlTask.Recommendation => [NdcgAt10, HitRateAt10, RecallAt10, PrecisionAt10, MapAt10, Coverage, Rmse, Mae],
        _ => [Rmse, Mae, R2],
    };

    /// <summary>The metric optimised and compared when none is configured.</summary>
    public static string DefaultFor(MlTask task) => task switch
    {
        MlTask.Binary => Auc,
        MlTask.Multiclass => MacroF1,
        MlTask.Recommendation => NdcgAt10,
        _ => R2,
    };

    /// <summary>True for metrics where a smaller value is better (losses and errors).</summary>
    public static bool LowerIsBetter(string metric) => metric is LogLoss or Brier or Rmse or Mae;

    /// <summary>Checks that <paramref name="metric"/> applies to <paramref name="task"/>.</summary>
    public static string Validate(string metric, MlTask task) =>
        For(task).Contains(metric)
            ? metric
            : throw new ArgumentException($"Metric '{metric}' does not apply to a {task} task. Known metrics: {string.Join(", ", For(task))}.");

    /// <summary>Maps a metric value to a score where larger is always better (for ranking).</summary>
    public static double Goodness(string metric, double value) =>
        double.IsNaN(value) ? double.NegativeInfinity : LowerIsBetter(metric) ? -value : value;
}
