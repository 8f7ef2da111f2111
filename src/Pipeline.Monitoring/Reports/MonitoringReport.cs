using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// The monitoring report of one window: data drift against the training reference, model performance against the
/// evaluation baseline, serving latency and throughput, and the overall verdict with its reasons.
/// </summary>
public sealed record MonitoringReport
{
    /// <summary>The overall verdict.</summary>
    public required MonitoringVerdict Verdict { get; init; }

    /// <summary>Why: one sentence per finding, in a stable order.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>What the window holds.</summary>
    public required WindowSummary Window { get; init; }

    /// <summary>Per-feature drift of the window's features against the reference.</summary>
    public required DriftReport Drift { get; init; }

    /// <summary>Model performance.</summary>
    public required PerformanceSection Performance { get; init; }

    /// <summary>Latency and throughput.</summary>
    public required SystemSection System { get; init; }

    /// <summary>Which version and data the reference and the performance baseline come from (null: not known to the builder).</summary>
    public BaselineOrigin? Origin { get; init; }

    /// <summary>A recommender's closed loop (online hit rate from item feedback); null for other models.</summary>
    internal Recommendations.RecommendationSection? Recommendation { get; init; }

    /// <summary>Reference vs current distributions per feature (for the HTML report; not in the JSON).</summary>
    public required IReadOnlyList<FeatureDistribution> Distributions { get; init; }

    /// <summary>Canonical JSON (reports/monitoring.json): stable key order, invariant numbers, LF, two-space indent.</summary>
    public string ToJson() => MonitoringReportJson.Write(this);

    /// <summary>A self-contained HTML page (inline SVG, inline CSS, no external assets).</summary>
    public string ToHtml() => MonitoringReportHtml.Write(this);
}
