using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// One immutable snapshot of the rollout, swapped atomically by the <see cref="RolloutController"/> and read once per
/// request by the <see cref="RolloutRouter"/>: the candidate and its share of traffic, the model answering for the
/// rest (<see cref="Incumbent"/>, null = the live model itself), the canary step and its health window, and the
/// previous live model kept warm for rollback.
/// </summary>
internal sealed record RolloutState(
    RolloutPhase Phase,
    RolloutPlan? Plan,
    ServedModel? Candidate,
    ServedModel? Incumbent,
    int Percent,
    int Step,
    DateTimeOffset Since,
    StepHealth? Health,
    ServedModel? Previous,
    string? Reason)
{
    /// <summary>No rollout has happened yet.</summary>
    public static readonly RolloutState Initial = new(RolloutPhase.Idle, null, null, null, 0, 0, DateTimeOffset.MinValue, null, null, null);

    /// <summary>When the running rollout started (the canary's labelled comparison counts predictions from here).</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>True while a candidate takes a share of the answers (canary, A/B test).</summary>
    public bool Splits => Phase == RolloutPhase.Running && Plan?.Strategy is RolloutStrategy.Canary or RolloutStrategy.AbTest;

    /// <summary>True while traffic is mirrored to a shadow candidate.</summary>
    public bool Mirrors => Phase == RolloutPhase.Running && Plan?.Strategy == RolloutStrategy.Shadow;
}
