namespace Pipeline.Ml.Evaluation;

/// <summary>The task's metrics (and confusion matrix, for classification) on the holdout's labelled served traffic.</summary>
internal sealed record TrafficMetrics(int Rows, IReadOnlyList<KeyValuePair<string, double>> Metrics, ConfusionMatrix? Confusion);
