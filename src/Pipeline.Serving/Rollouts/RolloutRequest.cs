using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// The body of <c>POST /admin/rollout</c> (snake_case JSON): which registered version to roll out and how.
/// Only the fields of the chosen strategy matter; the rest keep their defaults.
/// </summary>
public sealed record RolloutRequest
{
    /// <summary>direct, blue-green, canary, ab-test or shadow (params.yaml's deploy.strategy).</summary>
    [JsonPropertyName("strategy")]
    public required string Strategy { get; init; }

    /// <summary>The registered version to roll out (e.g. v0.0.2).</summary>
    [JsonPropertyName("version")]
    public required string Version { get; init; }

    /// <summary>Canary traffic percentages, one per step, ending at 100 (default 5, 25, 50, 100).</summary>
    [JsonPropertyName("steps")]
    public IReadOnlyList<int>? Steps { get; init; }

    /// <summary>Least time a canary step holds before promotion to the next (default 300 s).</summary>
    [JsonPropertyName("hold_seconds")]
    public double HoldSeconds { get; init; } = 300;

    /// <summary>Canary health bounds.</summary>
    [JsonPropertyName("bounds")]
    public CanaryBounds Bounds { get; init; } = new();

    /// <summary>
    /// The sticky key: a request header of this name, or else a feature of this name (first row of a batch); the
    /// request id when neither is present (no stickiness).
    /// </summary>
    [JsonPropertyName("entity_key")]
    public string? EntityKey { get; init; }

    /// <summary>A/B test: percent of traffic for the treatment (default 50).</summary>
    [JsonPropertyName("split")]
    public int Split { get; init; } = 50;

    /// <summary>
    /// Canary: how long the canary holds before its last step for labelled feedback (null, the default: labels are not
    /// awaited and the canary is judged on errors, latency and score shift only). While set, a canary significantly
    /// worse on labelled traffic is rolled back at any step, and one with fewer than <see cref="MinSamples"/> labelled
    /// predictions per variant holds before 100 % until this many seconds after the rollout started; then it is
    /// promoted on the other checks, and the reason says the labelled comparison was missing.
    /// </summary>
    [JsonPropertyName("max_label_wait_seconds")]
    public double? MaxLabelWaitSeconds { get; init; }

    /// <summary>A/B test and labelled canary: feedback samples each variant needs before a verdict (default 100).</summary>
    [JsonPropertyName("min_samples")]
    public int MinSamples { get; init; } = 100;

    /// <summary>A/B test and labelled canary: significance level of the test (default 0.05).</summary>
    [JsonPropertyName("alpha")]
    public double Alpha { get; init; } = 0.05;

    /// <summary>Smoke-test rows (named features, like v1 instances) scored on the candidate before it takes traffic.</summary>
    [JsonPropertyName("smoke_rows")]
    public IReadOnlyList<JsonElement>? SmokeRows { get; init; }
}
