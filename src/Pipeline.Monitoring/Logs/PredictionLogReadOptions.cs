namespace Pipeline.Monitoring.Logs;

/// <summary>Which predictions <see cref="PredictionLogReader"/> reads: a time range, then the most recent N of it.</summary>
public sealed record PredictionLogReadOptions
{
    /// <summary>Keep only the most recent this many predictions (null = all in the time range).</summary>
    public int? LastCount { get; init; } = 1000;

    /// <summary>Only predictions at or after this time (null = no lower bound).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only predictions strictly before this time (null = no upper bound).</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only this model version (null = every version).</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Only this variant (null = every variant).</summary>
    public string? Variant { get; init; }
}
