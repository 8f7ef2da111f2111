using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// The base rate of a binary model's labelled traffic against the one it was trained for, and its decision threshold
/// re-checked for the rate it now sees.
/// </summary>
/// <param name="ExpectedPositiveRate">The holdout's share of positives (metrics.json): what the threshold was chosen for.</param>
/// <param name="ObservedPositiveRate">The share of positives among the window's labelled predictions.</param>
/// <param name="ObservedInterval">Its 95% Wilson interval.</param>
/// <param name="PredictedPositiveRate">The share of the window's predictions at or above the threshold.</param>
/// <param name="Moved">True when the interval excludes the expected rate.</param>
/// <param name="Threshold">The threshold in use.</param>
/// <param name="AdjustedThreshold">
/// The threshold that makes the same decisions at the observed base rate: the score's odds scaled by the change in the
/// prior's odds (Saerens et al. 2002), for the cost ratio the threshold stood for at the expected rate.
/// </param>
/// <param name="AccuracyAtThreshold">Accuracy of the window's labelled predictions at <paramref name="Threshold"/>.</param>
/// <param name="AccuracyAtAdjusted">Accuracy of the same predictions at <paramref name="AdjustedThreshold"/>.</param>
public sealed record PriorShift(
    double ExpectedPositiveRate, double ObservedPositiveRate, WilsonInterval ObservedInterval, double PredictedPositiveRate, bool Moved,
    double Threshold, double AdjustedThreshold, double AccuracyAtThreshold, double AccuracyAtAdjusted);
