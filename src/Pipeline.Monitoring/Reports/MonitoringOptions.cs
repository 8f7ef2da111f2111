using System.Globalization;
using Pipeline.Formats.Params;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// Settings of the monitoring report, meant to be filled from <c>params.yaml</c> <c>monitor.*</c> (key in brackets,
/// default after it). Missing keys keep the defaults.
/// </summary>
public sealed partial record MonitoringOptions
{
    /// <summary>[monitor.window_size, 1000] The most recent predictions the report looks at.</summary>
    public int WindowSize { get; init; } = 1000;

    /// <summary>[monitor.window_hours, none] Only predictions of the last this many hours (needs a clock).</summary>
    public double? WindowHours { get; init; }

    /// <summary>[monitor.min_predictions, 100] Fewer predictions in the window give "insufficient_data".</summary>
    public int MinimumPredictions { get; init; } = 100;

    /// <summary>[monitor.min_labels, 100] Fewer feedback labels: no measured performance, no detectors; the CBPE estimate is shown.</summary>
    public int MinimumLabels { get; init; } = 100;

    /// <summary>[monitor.min_class_labels, 10] AUC is measured only when each class has at least this many labels.</summary>
    public int MinimumClassLabels { get; init; } = 10;

    /// <summary>[monitor.tolerance, 0.0] Performance counts as degraded only below baseline minus this (absolute).</summary>
    public double Tolerance { get; init; }

    /// <summary>[monitor.threshold, metrics.json threshold or 0.5] Decision threshold for outputs logged without a label.</summary>
    public double? DecisionThreshold { get; init; }

    /// <summary>
    /// [evaluate.cost_fn_fp, none] A false negative's cost over a false positive's. When the labelled base rate moves,
    /// the threshold re-check names the threshold with the lowest expected cost on the window's labels at this ratio
    /// (1 when unset: the highest accuracy), the rule Train applies to labelled traffic.
    /// </summary>
    public double? CostFnFp { get; init; }

    /// <summary>[monitor.page_hinkley.delta, 0.005] Page-Hinkley tolerance over the 0/1 error stream.</summary>
    public double PageHinkleyDelta { get; init; } = 0.005;

    /// <summary>[monitor.page_hinkley.lambda, 50] Page-Hinkley alarm threshold.</summary>
    public double PageHinkleyLambda { get; init; } = 50;

    /// <summary>[monitor.ddm.warning, 2.0] DDM warning level in standard deviations.</summary>
    public double DdmWarningLevel { get; init; } = 2.0;

    /// <summary>[monitor.ddm.drift, 3.0] DDM drift level in standard deviations.</summary>
    public double DdmDriftLevel { get; init; } = 3.0;

    /// <summary>[monitor.buckets, 10] Time buckets of the "over time" series.</summary>
    public int Buckets { get; init; } = 10;

    /// <summary>[monitor.histogram_bins, 20] Bins of the reference vs current histograms in the HTML report.</summary>
    public int HistogramBins { get; init; } = 20;

    /// <summary>[monitor.retrain_on_drift, true] Whether dataset drift alone warrants retraining.</summary>
    public bool RetrainOnDrift { get; init; } = true;

    /// <summary>
    /// [monitor.recommend.min_hit_rate, 0.1] Recommenders: an online hit rate (share of recommendations with a positive
    /// click or rating among the items returned) below this is degraded performance and warrants retraining.
    /// </summary>
    public double RecommendMinHitRate { get; init; } = 0.1;

    /// <summary>
    /// [monitor.recommend.relevant_at, 1] Recommenders: a click or rating on a returned item counts as positive at this
    /// label or above (1 = a click; set 4 for 1-5 star ratings, as evaluate.relevant_at).
    /// </summary>
    public double RecommendRelevantAt { get; init; } = 1;

    /// <summary>
    /// [monitor.drift.*] Drift settings: drift_share (0.5), min_column_samples (30), methods and thresholds per column,
    /// feature importance for ranking (as for the Drift target).
    /// </summary>
    public DriftOptions Drift { get; init; } = new();

    /// <summary>Throws a usage error naming the offending key.</summary>
    public void Validate()
    {
        if (WindowSize < 1) throw Bad("window_size", WindowSize, ">= 1");
        if (WindowHours is <= 0) throw Bad("window_hours", WindowHours, "> 0");
        if (MinimumPredictions < 1) throw Bad("min_predictions", MinimumPredictions, ">= 1");
        if (MinimumLabels < 1) throw Bad("min_labels", MinimumLabels, ">= 1");
        if (MinimumClassLabels < 1) throw Bad("min_class_labels", MinimumClassLabels, ">= 1");
        if (Tolerance is < 0 or >= 1) throw Bad("tolerance", Tolerance, "in [0, 1)");
        if (DecisionThreshold is < 0 or > 1) throw Bad("threshold", DecisionThreshold, "in [0, 1]");
        if (Buckets < 1) throw Bad("buckets", Buckets, ">= 1");
        if (HistogramBins < 2) throw Bad("histogram_bins", HistogramBins, ">= 2");
        if (RecommendMinHitRate is < 0 or > 1) throw Bad("recommend.min_hit_rate", RecommendMinHitRate, "in [0, 1]");
        if (!double.IsFinite(RecommendRelevantAt)) throw Bad("recommend.relevant_at", RecommendRelevantAt, "(finite)");
    }

    // NOTE: the same message as a bad params.yaml value read by ParamSection, for options built in code.
    private static ParamException Bad(string key, object? value, string rule) =>
        ParamValue.Bad($"monitor.{key}", Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", "a number " + rule);
}
