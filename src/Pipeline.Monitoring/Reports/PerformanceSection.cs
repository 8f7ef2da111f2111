using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>Model performance in the window: measured from feedback, or estimated (CBPE) when labels are too few.</summary>
public sealed record PerformanceSection
{
    /// <summary>Predictions with a feedback label.</summary>
    public required int Labelled { get; init; }

    /// <summary>Measured performance (null when fewer than the minimum labels).</summary>
    public MeasuredPerformance? Measured { get; init; }

    /// <summary>CBPE estimate from calibrated probabilities, only when <see cref="Measured"/> is null; an estimate, not a measurement.</summary>
    public PerformanceEstimate? Estimate { get; init; }

    /// <summary>The evaluation baseline (metrics.json).</summary>
    public required BaselineMetrics Baseline { get; init; }

    /// <summary>True when the performance's 95% interval lies wholly below baseline minus tolerance.</summary>
    public required bool BelowBaseline { get; init; }

    /// <summary>Why <see cref="BelowBaseline"/> is true (empty otherwise).</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>The sequential detectors' summary.</summary>
    public required DetectorSummary Detectors { get; init; }

    /// <summary>Binary models: expected against observed positive rates, and the threshold re-checked when the base rate moved.</summary>
    public BaseRateCheck? BaseRate { get; init; }

    /// <summary>Performance and latency over time.</summary>
    public required IReadOnlyList<TimeBucket> Buckets { get; init; }
}
