namespace Pipeline.Monitoring.Reports;

/// <summary>
/// Where a report's reference and performance baseline come from: the production version whose registered profile and
/// holdout metrics they are (null: the workspace's data/features/train.csv and metrics.json), as repository-relative paths.
/// </summary>
/// <param name="Version">The registered version, or null for the workspace files.</param>
/// <param name="Reference">The reference data: the registered profile.json (its row sample) or train.csv.</param>
/// <param name="Metrics">The metrics file whose holdout accuracy and AUC are the baseline.</param>
public sealed record BaselineOrigin(string? Version, string Reference, string Metrics)
{
    /// <summary>Rows of the reference the drift compares with (the sample, or every row of train.csv).</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Which rows of the metrics file's holdout the baseline is: <c>holdout</c>, or <c>labelled_traffic</c> with their count.</summary>
    public string MetricsRows { get; init; } = "holdout";

    /// <summary>Rows of the version's training split the profile summarises (null for train.csv: the same as <see cref="ReferenceRows"/>).</summary>
    public long? TrainingRows { get; init; }
}
