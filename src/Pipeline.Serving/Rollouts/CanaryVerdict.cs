namespace Pipeline.Serving.Rollouts;

/// <summary>The judgement of a canary step: wait for data, healthy, or unhealthy with the reason.</summary>
internal sealed record CanaryVerdict(bool Enough, bool Healthy, string Reason)
{
    /// <summary>Not enough requests yet.</summary>
    public static CanaryVerdict Waiting(string reason) => new(false, true, reason);
}
