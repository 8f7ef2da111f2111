using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>Computes the metrics of a task from a <see cref="PredictionSet"/>, in canonical key order.</summary>
internal sealed class TaskMetrics
{
    private readonly MlTask task;
    private readonly PredictionSet predictions;
    private readonly double threshold;
    private readonly int[] order;

    /// <summary>Prepares the metrics of one prediction set (sorts binary scores once, for repeated weightings).</summary>
    public TaskMetrics(MlTask task, PredictionSet predictions, double threshold)
    {
        this.task = task;
        this.predictions = predictions;
        this.threshold = threshold;
        order = task == MlTask.Binary ? BinaryMetrics.DescendingOrder(predictions.Scores) : [];
    }

    /// <summary>All metrics of the task, optionally with per-row weights.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Compute(double[]? weights = null)
    {
        var values = task switch
        {
            MlTask.Binary => BinaryMetrics.Compute(predictions.Labels, predictions.Scores, threshold, order, weights),
            MlTask.Multiclass => MulticlassMetrics.Compute(predictions, weights),
            _ => RegressionMetrics.Compute(predictions.Labels, predictions.Scores, weights),
        };
        return MetricNames.For(task).Select(name => KeyValuePair.Create(name, values[name])).ToList();
    }

    /// <summary>One metric, optionally with per-row weights.</summary>
    public double Value(string metric, double[]? weights = null) => metric switch
    {
        MetricNames.Auc => BinaryMetrics.Auc(predictions.Labels, predictions.Scores, order, weights),
        MetricNames.PrAuc => BinaryMetrics.AveragePrecision(predictions.Labels, predictions.Scores, order, weights),
        _ => Compute(weights).First(kv => kv.Key == metric).Value,
    };

    /// <summary>The confusion matrix (rows actual, columns predicted); empty for regression.</summary>
    public double[,] Confusion() => task switch
    {
        MlTask.Binary => BinaryMetrics.Confusion(predictions.Labels, predictions.Scores, threshold),
        MlTask.Multiclass => MulticlassMetrics.Confusion(predictions),
        _ => new double[0, 0],
    };
}
