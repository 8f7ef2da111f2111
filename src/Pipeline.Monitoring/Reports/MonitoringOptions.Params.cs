using System.Globalization;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reports;

/// <summary>Reading <see cref="MonitoringOptions"/> from params.yaml's <c>monitor</c> section.</summary>
public sealed partial record MonitoringOptions
{
    /// <summary>
    /// The options from a flattened <c>monitor</c> section (keys relative to it, e.g. <c>window_size</c>,
    /// <c>drift.drift_share</c>, <c>drift.columns.amount.method</c>); a key it does not know is an error naming it.
    /// </summary>
    public static MonitoringOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new MonitoringOptions();
        var drift = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in section.Where(p => p.Value.Length > 0))
        {
            if (key.StartsWith("drift.", StringComparison.Ordinal))
            {
                drift[key["drift.".Length..]] = value;
                continue;
            }

            options = key switch
            {
                "window_size" => options with { WindowSize = Int(key, value) },
                "window_hours" => options with { WindowHours = Number(key, value) },
                "min_predictions" => options with { MinimumPredictions = Int(key, value) },
                "min_labels" => options with { MinimumLabels = Int(key, value) },
                "min_class_labels" => options with { MinimumClassLabels = Int(key, value) },
                "tolerance" => options with { Tolerance = Number(key, value) },
                "threshold" => options with { DecisionThreshold = Number(key, value) },
                "page_hinkley.delta" => options with { PageHinkleyDelta = Number(key, value) },
                "page_hinkley.lambda" => options with { PageHinkleyLambda = Number(key, value) },
                "ddm.warning" => options with { DdmWarningLevel = Number(key, value) },
                "ddm.drift" => options with { DdmDriftLevel = Number(key, value) },
                "buckets" => options with { Buckets = Int(key, value) },
                "histogram_bins" => options with { HistogramBins = Int(key, value) },
                "retrain_on_drift" => options with { RetrainOnDrift = bool.TryParse(value, out var b) ? b : throw Bad(key, value, "true or false") },
                _ => throw new ArgumentException($"Unknown parameter 'monitor.{key}'. Known: window_size, window_hours, min_predictions, min_labels, " +
                    "min_class_labels, tolerance, threshold, page_hinkley.delta, page_hinkley.lambda, ddm.warning, ddm.drift, buckets, histogram_bins, " +
                    "retrain_on_drift, and drift.* (see DriftOptionsParams)."),
            };
        }

        options = options with { Drift = DriftOptionsParams.Read(drift, "monitor.drift.") };
        options.Validate();
        return options;
    }

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(key, value, "a whole number");

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : throw Bad(key, value, "a number");
}
