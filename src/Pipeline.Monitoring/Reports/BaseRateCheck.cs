using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// Binary models under prior shift: the positive rates the baseline expects (its holdout) against those the window
/// shows, and, when the labelled base rate has moved, how the decision threshold does on the window's labels against
/// the threshold that would do best there (lowest expected cost at <c>evaluate.cost_fn_fp</c>, or highest accuracy).
/// </summary>
public sealed record BaseRateCheck
{
    /// <summary>The decision threshold in use.</summary>
    public required double Threshold { get; init; }

    /// <summary>Share of positive labels in the baseline's holdout (null: the metrics have no confusion matrix).</summary>
    public double? ExpectedPositiveRate { get; init; }

    /// <summary>Share of holdout rows the model predicted positive at its threshold.</summary>
    public double? ExpectedPredictedPositiveRate { get; init; }

    /// <summary>Share of the window's predictions that are positive at the threshold.</summary>
    public required double ObservedPredictedPositiveRate { get; init; }

    /// <summary>Labelled predictions of the window with a boolean label.</summary>
    public required int Labelled { get; init; }

    /// <summary>Share of positive feedback labels (null without labels).</summary>
    public double? ObservedPositiveRate { get; init; }

    /// <summary>95% Wilson interval of <see cref="ObservedPositiveRate"/>.</summary>
    public WilsonInterval? ObservedPositiveInterval { get; init; }

    /// <summary>True when the labels are enough (monitor.min_labels) and their interval excludes the expected positive rate.</summary>
    public required bool Moved { get; init; }

    /// <summary>
    /// The rule of the re-check (<c>min_cost(cost_fn_fp=r)</c>: the lowest expected cost at ratio r, evaluate.cost_fn_fp
    /// or 1, as Train chooses on labelled traffic; null unless <see cref="Moved"/>).
    /// </summary>
    public string? Rule { get; init; }

    /// <summary>Expected cost per labelled prediction at <see cref="Threshold"/> (a false positive costs 1; with ratio 1 the error rate).</summary>
    public double? ThresholdCost { get; init; }

    /// <summary>The threshold with the lowest expected cost on the window's labels (null unless <see cref="Moved"/>).</summary>
    public double? BestThreshold { get; init; }

    /// <summary>Expected cost per labelled prediction at <see cref="BestThreshold"/>.</summary>
    public double? BestCost { get; init; }

    /// <summary>
    /// True when the move warrants retraining: the baseline is not labelled served traffic (the model never saw traffic
    /// at the new rate), or its threshold costs more than <c>monitor.tolerance</c> per labelled prediction above the best
    /// one on the window. A model fitted on such traffic whose threshold still fits is not retrained again for the
    /// move alone (its training mixed older traffic, so its holdout's rate trails the window's).
    /// </summary>
    public bool Stale { get; init; }
}
