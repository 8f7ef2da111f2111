using Pipeline.Formats.Profiles;
namespace Pipeline.Monitoring.Reports;

/// <summary>The files a monitoring run reads, as absolute paths (no current-directory use), and where they come from.</summary>
/// <param name="PredictionLog">The serving host's prediction log: a SQLite file, or a PostgreSQL connection string (<see cref="Pipeline.Formats.PredictionLog.PredictionLogLocation"/>).</param>
/// <param name="Reference">The reference: a profile.json with a row sample (as registered with a version), or a CSV (data/features/train.csv).</param>
/// <param name="Metrics">The evaluation baseline (metrics.json); a missing file means no baseline.</param>
public sealed record MonitoringInputs(string PredictionLog, string Reference, string Metrics)
{
    /// <summary>The registered version the reference and metrics belong to (null: workspace files).</summary>
    public string? Version { get; init; }

    /// <summary>The repository root the report's paths are given relative to (null: as given).</summary>
    public string? Root { get; init; }

    /// <summary>
    /// For a recommender: its training interactions per user and item. The report then measures the online hit rate
    /// and compares user activity and item popularity of recent traffic with these instead of the logged features.
    /// </summary>
    public Recommendations.RecommendationReference? Recommendation { get; init; }

    /// <summary>True when <see cref="Reference"/> is a profile (JSON) rather than a CSV.</summary>
    public bool ReferenceIsProfile => Reference.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The workspace's files under a repository root, with the log path given (it is a serving option).</summary>
    public static MonitoringInputs Conventional(string repositoryRoot, string predictionLog) => new(
        predictionLog,
        Path.Combine(repositoryRoot, "data", "features", "train.csv"),
        Path.Combine(repositoryRoot, "metrics.json")) { Root = repositoryRoot };

    /// <summary>
    /// The production version's registered files: <c>profile.json</c> (its row sample is the reference) and
    /// <c>metrics.json</c> (its holdout metrics are the baseline) in <paramref name="versionFolder"/>.
    /// </summary>
    public static MonitoringInputs Registered(string repositoryRoot, string predictionLog, string versionFolder, string version) => new(
        predictionLog,
        Path.Combine(versionFolder, "profile.json"),
        Path.Combine(versionFolder, "metrics.json")) { Version = version, Root = repositoryRoot };

    /// <summary>
    /// True when <paramref name="versionFolder"/> holds what <see cref="Registered"/> needs: a profile.json with a row
    /// sample (a version registered before profiles kept one has none) and a metrics.json.
    /// </summary>
    public static bool HasRegisteredBaseline(string versionFolder) =>
        File.Exists(Path.Combine(versionFolder, "metrics.json")) && File.Exists(Path.Combine(versionFolder, "profile.json"))
        && Pipeline.Monitoring.Reference.ProfileSampleReader.Read(Path.Combine(versionFolder, "profile.json")) is not null;

    /// <summary>A path as the report shows it: relative to <see cref="Root"/>, with forward slashes.</summary>
    internal string Display(string path) => (Root is null ? path : Path.GetRelativePath(Root, path)).Replace('\\', '/');
}
