namespace Pipeline.Serving.Rollouts;

/// <summary>How a candidate version reaches traffic.</summary>
internal enum RolloutStrategy
{
    /// <summary>Replace the live model at once.</summary>
    Direct,

    /// <summary>Load beside the live model, smoke-test, switch everything; the old one stays warm.</summary>
    BlueGreen,

    /// <summary>Weighted split in steps with automatic promotion or rollback.</summary>
    Canary,

    /// <summary>Fixed split judged on feedback outcomes.</summary>
    AbTest,

    /// <summary>Mirror traffic to the candidate; only the live model answers.</summary>
    Shadow,
}
