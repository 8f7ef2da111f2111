namespace Pipeline.Serving.Rollouts;

/// <summary>Where a rollout stands.</summary>
internal enum RolloutPhase
{
    /// <summary>No candidate: the live model takes all traffic.</summary>
    Idle,

    /// <summary>A candidate shares traffic (canary, A/B) or mirrors it (shadow).</summary>
    Running,

    /// <summary>The candidate became the live model.</summary>
    Promoted,

    /// <summary>The candidate was withdrawn, or the previous model restored.</summary>
    RolledBack,
}
