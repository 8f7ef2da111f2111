namespace Pipeline.Monitoring.Reports;

/// <summary>What the monitoring window holds.</summary>
/// <param name="Predictions">Predictions in the window.</param>
/// <param name="Labelled">Predictions with a feedback label.</param>
/// <param name="From">Time of the oldest prediction (null when empty).</param>
/// <param name="To">Time of the newest prediction (null when empty).</param>
/// <param name="ModelVersions">Model versions seen, ordinal order.</param>
/// <param name="Variants">Predictions per variant, ordinal order of names.</param>
public sealed record WindowSummary(
    int Predictions, int Labelled, DateTimeOffset? From, DateTimeOffset? To,
    IReadOnlyList<string> ModelVersions, IReadOnlyList<KeyValuePair<string, int>> Variants);
