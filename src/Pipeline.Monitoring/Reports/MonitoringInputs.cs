namespace Pipeline.Monitoring.Reports;

/// <summary>The files a monitoring run reads, as absolute paths from the repository root (no current-directory use).</summary>
/// <param name="PredictionLog">The serving host's SQLite prediction log.</param>
/// <param name="ReferenceCsv">The training data (data/features/train.csv).</param>
/// <param name="Metrics">The evaluation baseline (metrics.json); a missing file means no baseline.</param>
public sealed record MonitoringInputs(string PredictionLog, string ReferenceCsv, string Metrics)
{
    /// <summary>The conventional locations under a repository root, with the log path given (it is a serving option).</summary>
    public static MonitoringInputs Conventional(string repositoryRoot, string predictionLog) => new(
        predictionLog,
        Path.Combine(repositoryRoot, "data", "features", "train.csv"),
        Path.Combine(repositoryRoot, "metrics.json"));
}
