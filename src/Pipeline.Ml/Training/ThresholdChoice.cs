using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// A binary model's decision threshold and the rows it was chosen on: the validation rows that are labelled served
/// traffic (rows the closed loop appended, <see cref="Ingest.Feedback.FeedbackKey"/>) when there are enough of them,
/// as that is the data the model will see, else every validation row. The rule is best F1, or the lowest expected
/// cost when <c>evaluate.cost_fn_fp</c> is set.
/// </summary>
internal sealed record ThresholdChoice(double Threshold, string Rule, string Rows, int RowCount, double PositiveRate, double PredictedPositiveRate)
{
    /// <summary>Fewest labelled-traffic validation rows, and of each class among them, that the threshold is chosen on.</summary>
    public const int MinTrafficRows = 200, MinTrafficPerClass = 20;

    /// <summary>Chooses the threshold on <paramref name="validation"/>'s scores; <paramref name="traffic"/> marks its labelled-traffic rows (null: none known).</summary>
    public static ThresholdChoice Choose(PredictionSet validation, bool[]? traffic, double? costFnFp)
    {
        var (labels, scores, rows) = (validation.Labels, validation.Scores, "validation");
        if (traffic is not null && traffic.Length == labels.Length)
        {
            var picked = Enumerable.Range(0, labels.Length).Where(i => traffic[i]).ToArray();
            var positives = picked.Count(i => labels[i] > 0.5);
            if (picked.Length >= MinTrafficRows && positives >= MinTrafficPerClass && picked.Length - positives >= MinTrafficPerClass)
            {
                (labels, scores, rows) = ([.. picked.Select(i => labels[i])], [.. picked.Select(i => scores[i])], "labelled_traffic");
            }
        }

        var threshold = BinaryMetrics.Threshold(labels, scores, costFnFp);
        var count = labels.Length;
        return new ThresholdChoice(
            threshold,
            costFnFp is { } ratio ? FormattableString.Invariant($"min_cost(cost_fn_fp={ratio:0.####})") : "best_f1",
            rows,
            count,
            count == 0 ? double.NaN : labels.Count(l => l > 0.5) / (double)count,
            count == 0 ? double.NaN : scores.Count(s => s >= threshold) / (double)count);
    }
}
