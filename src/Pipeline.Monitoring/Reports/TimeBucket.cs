namespace Pipeline.Monitoring.Reports;

/// <summary>One slice of the window in time, for the "over time" plots.</summary>
/// <param name="From">Start (inclusive).</param>
/// <param name="To">End (exclusive, inclusive for the last bucket).</param>
/// <param name="Predictions">Predictions in the bucket.</param>
/// <param name="Labelled">Scored labelled predictions in the bucket.</param>
/// <param name="Accuracy">Measured accuracy (null without labels).</param>
/// <param name="EstimatedAccuracy">CBPE accuracy from the probabilities (null without probabilities).</param>
/// <param name="LatencyP95">95th percentile latency in ms (null when empty).</param>
/// <param name="DriftShare">Share of the features drifting in this bucket against the reference (null when no feature had enough data).</param>
public sealed record TimeBucket(
    DateTimeOffset From, DateTimeOffset To, int Predictions, int Labelled, double? Accuracy, double? EstimatedAccuracy, double? LatencyP95,
    double? DriftShare = null);
