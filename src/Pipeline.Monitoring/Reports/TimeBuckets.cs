using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Performance;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Reports;

/// <summary>Splits the window into equal time slices with accuracy, estimated accuracy and p95 latency per slice.</summary>
internal static class TimeBuckets
{
    /// <summary>The buckets between the first and last prediction (one bucket when they coincide; none when empty).</summary>
    public static IReadOnlyList<TimeBucket> Compute(PredictionWindow window, double threshold, int count, Func<PredictionWindow, double?>? driftShare = null)
    {
        var predictions = window.Predictions;
        if (predictions.Count == 0) return [];
        var from = predictions[0].Time;
        var span = (predictions[^1].Time - from).Ticks;
        if (span == 0) count = 1;
        var groups = new List<LoggedPrediction>[count];
        for (var i = 0; i < count; i++) groups[i] = [];
        foreach (var p in predictions)
        {
            var index = span == 0 ? 0 : (int)Math.Min(count - 1, (p.Time - from).Ticks * (decimal)count / span);
            groups[index].Add(p);
        }

        return groups.Select((g, i) => Bucket(g, from.AddTicks(span * i / count), from.AddTicks(span * (i + 1) / count), threshold)
            with { DriftShare = g.Count == 0 ? null : driftShare?.Invoke(new PredictionWindow(g)) }).ToArray();
    }

    private static TimeBucket Bucket(List<LoggedPrediction> group, DateTimeOffset from, DateTimeOffset to, double threshold)
    {
        var outcomes = group.Select(p => p.Correct(threshold)).Where(c => c is not null).Select(c => c!.Value).ToArray();
        var probabilities = group.Where(p => p.Probability is not null).Select(p => p.Probability!.Value).ToArray();
        var latencies = group.Select(p => p.LatencyMs).Order().ToArray();
        return new TimeBucket(
            from, to, group.Count, outcomes.Length,
            outcomes.Length == 0 ? null : outcomes.Count(c => c) / (double)outcomes.Length,
            probabilities.Length == 0 ? null : ConfidenceBasedPerformanceEstimator.Estimate(probabilities, threshold).Accuracy,
            latencies.Length == 0 ? null : Quantile.Linear(latencies, 0.95));
    }
}
