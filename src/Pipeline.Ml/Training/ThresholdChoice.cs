using Pipeline.Formats.Metrics;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Ingest.Feedback;

namespace Pipeline.Ml.Training;

/// <summary>
/// A binary model's decision threshold and the rows it was chosen on: the validation rows that are labelled served
/// traffic (rows the closed loop appended, <see cref="TrafficRows"/>) when there are enough of them,
/// as that is the data the model will see, else every validation row. The rule is the lowest expected cost when
/// <c>evaluate.cost_fn_fp</c> is set; otherwise best F1 on source rows, and the highest accuracy (a cost ratio of 1)
/// on labelled traffic.
/// </summary>
/// <remarks>
/// Why accuracy on traffic: a canary is judged against the stable model on exactly that traffic by accuracy at its
/// threshold (and AUC), and on a few hundred rows the F1 optimum is noisy and sits where accuracy falls fastest (in the
/// closed-loop demo a best-F1 threshold of 0.15 gave accuracy 0.84 and F1 0.50 on the canary's traffic, where 0.3-0.5
/// gave 0.90 and 0.55-0.57, both better than the stable model's 0.885 and 0.525). A cost ratio states the trade-off.
/// </remarks>
internal sealed record ThresholdChoice(double Threshold, string Rule, string Rows, int RowCount, double PositiveRate, double PredictedPositiveRate)
{
    /// <summary>Chooses the threshold on <paramref name="validation"/>'s scores; <paramref name="traffic"/> marks its labelled-traffic rows (null: none known).</summary>
    public static ThresholdChoice Choose(PredictionSet validation, bool[]? traffic, double? costFnFp)
    {
        var (labels, scores, rows, rule) = (validation.Labels, validation.Scores, "validation", costFnFp);
        if (traffic?.Length == labels.Length && TrafficRows.Pick(traffic, labels) is { } picked)
        {
            (labels, scores, rows, rule) = ([.. picked.Select(i => labels[i])], [.. picked.Select(i => scores[i])], "labelled_traffic", costFnFp ?? 1);
        }

        var threshold = BinaryMetrics.Threshold(labels, scores, rule);
        var count = labels.Length;
        return new ThresholdChoice(
            threshold,
            rule is { } ratio ? DecisionThreshold.MinCostRule(ratio) : "best_f1",
            rows,
            count,
            count == 0 ? double.NaN : labels.Count(l => l > 0.5) / (double)count,
            count == 0 ? double.NaN : scores.Count(s => s >= threshold) / (double)count);
    }
}
