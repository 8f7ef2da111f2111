namespace Pipeline.Git.Bench;

/// <summary>One timed comparison: ours against the baseline, seconds per round (same run, alternating).</summary>
internal sealed record Measurement(string Remote, string Direction, string Baseline, IReadOnlyList<double> OursSeconds, IReadOnlyList<double> BaselineSeconds)
{
    public double OursMedian => Median(OursSeconds);

    public double BaselineMedian => Median(BaselineSeconds);

    /// <summary>Our throughput as a fraction of the baseline's (1.0 = as fast; higher is better).</summary>
    public double Ratio => BaselineMedian / OursMedian;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
