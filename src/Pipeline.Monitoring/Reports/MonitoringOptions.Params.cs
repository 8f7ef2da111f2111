using Pipeline.Formats.Params;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reports;

/// <summary>Reading <see cref="MonitoringOptions"/> from params.yaml's <c>monitor</c> section.</summary>
public sealed partial record MonitoringOptions
{
    private static readonly string[] Keys =
    [
        "window_size", "window_hours", "min_predictions", "min_labels", "min_class_labels", "tolerance", "threshold",
        "page_hinkley.delta", "page_hinkley.lambda", "ddm.warning", "ddm.drift", "buckets", "histogram_bins", "retrain_on_drift",
        "recommend.min_hit_rate", "recommend.relevant_at",
    ];

    /// <summary>
    /// The options from a flattened <c>monitor</c> section (keys relative to it, e.g. <c>window_size</c>,
    /// <c>drift.drift_share</c>, <c>drift.columns.amount.method</c>), read by the pipeline's one <see cref="ParamSection"/>:
    /// an unknown key or a bad value is a <see cref="ParamException"/> naming it.
    /// </summary>
    public static MonitoringOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("monitor", section, Keys, ["drift"]);
        var d = new MonitoringOptions();
        var options = d with
        {
            WindowSize = s.Integer("window_size", d.WindowSize, 1),
            WindowHours = s.OptionalNumber("window_hours"),
            MinimumPredictions = s.Integer("min_predictions", d.MinimumPredictions, 1),
            MinimumLabels = s.Integer("min_labels", d.MinimumLabels, 1),
            MinimumClassLabels = s.Integer("min_class_labels", d.MinimumClassLabels, 1),
            Tolerance = s.Number("tolerance", d.Tolerance, 0, 1),
            DecisionThreshold = s.OptionalNumber("threshold", 0, 1),
            PageHinkleyDelta = s.Number("page_hinkley.delta", d.PageHinkleyDelta),
            PageHinkleyLambda = s.Number("page_hinkley.lambda", d.PageHinkleyLambda),
            DdmWarningLevel = s.Number("ddm.warning", d.DdmWarningLevel),
            DdmDriftLevel = s.Number("ddm.drift", d.DdmDriftLevel),
            Buckets = s.Integer("buckets", d.Buckets, 1),
            HistogramBins = s.Integer("histogram_bins", d.HistogramBins, 2),
            RetrainOnDrift = s.Boolean("retrain_on_drift", d.RetrainOnDrift),
            RecommendMinHitRate = s.Number("recommend.min_hit_rate", d.RecommendMinHitRate, 0, 1),
            RecommendRelevantAt = s.Number("recommend.relevant_at", d.RecommendRelevantAt),
            Drift = DriftOptionsParams.Read(s.Dotted("drift"), s.Group("drift").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)),
        };
        options.Validate();
        return options;
    }
}
