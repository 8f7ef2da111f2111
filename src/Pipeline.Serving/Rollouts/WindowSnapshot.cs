namespace Pipeline.Serving.Rollouts;

/// <summary>A copy of a <see cref="VariantWindow"/>: requests, failures, p95 latency (ms) and the kept scores.</summary>
internal sealed record WindowSnapshot(long Requests, long Failures, double P95Ms, double[] Scores)
{
    /// <summary>Failures per request (0 without requests).</summary>
    public double ErrorRate => Requests == 0 ? 0 : (double)Failures / Requests;

    /// <summary>The mean score (NaN without scores).</summary>
    public double MeanScore => Scores.Length == 0 ? double.NaN : Scores.Average();
}
