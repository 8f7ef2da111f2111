using System.Text.Json.Serialization;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// How far a canary may stray from the stable model before it is rolled back; judged per step once both variants
/// have <see cref="MinSamples"/> requests.
/// </summary>
public sealed record CanaryBounds
{
    /// <summary>Largest allowed excess of the canary's error rate over the stable one (default 0.02 = 2 points).</summary>
    [JsonPropertyName("max_error_rate_increase")]
    public double MaxErrorRateIncrease { get; init; } = 0.02;

    /// <summary>Largest allowed canary p95 latency as a multiple of the stable p95 (default 3).</summary>
    [JsonPropertyName("max_p95_ratio")]
    public double MaxP95Ratio { get; init; } = 3;

    /// <summary>Latency slack in milliseconds added to the p95 bound, so sub-millisecond noise never fails a canary (default 25).</summary>
    [JsonPropertyName("p95_slack_ms")]
    public double P95SlackMs { get; init; } = 25;

    /// <summary>
    /// Largest allowed population stability index of canary scores against stable scores (default 0.25); null turns the
    /// check off, e.g. for a model retrained on drifted data, whose scores shift by design.
    /// </summary>
    [JsonPropertyName("max_psi")]
    public double? MaxPsi { get; init; } = 0.25;

    /// <summary>Requests each variant needs in a step before it is judged (default 50).</summary>
    [JsonPropertyName("min_samples")]
    public int MinSamples { get; init; } = 50;

    /// <summary>Every problem with the bounds.</summary>
    internal IEnumerable<string> Problems()
    {
        if (MaxErrorRateIncrease is < 0 or > 1 || MaxP95Ratio < 1 || P95SlackMs < 0 || MaxPsi <= 0 || MinSamples < 1)
        {
            yield return "bounds: max_error_rate_increase must be in 0..1, max_p95_ratio >= 1, p95_slack_ms >= 0, max_psi > 0 (or null) and min_samples >= 1.";
        }
    }
}
