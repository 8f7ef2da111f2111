using System.Globalization;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Reports;

/// <summary>Whether a monitoring report warrants retraining, and why; the Retrain target prints it and acts on it.</summary>
public sealed record RetrainDecision
{
    /// <summary>True when retraining is warranted.</summary>
    public required bool Retrain { get; init; }

    /// <summary>The report's verdict.</summary>
    public required MonitoringVerdict Verdict { get; init; }

    /// <summary>One sentence per cause (or why not), stable order.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Drifted features, most important first.</summary>
    public required IReadOnlyList<DriftedFeature> DriftedFeatures { get; init; }

    /// <summary>Measured (or estimated) performance lies below the baseline with a non-overlapping interval.</summary>
    public required bool PerformanceBelowBaseline { get; init; }

    /// <summary>A sequential detector raised an alarm on the labelled stream.</summary>
    public required bool DetectorAlarm { get; init; }

    /// <summary>
    /// Decides from a report: performance below baseline (for a recommender, its hit rate) or a detector alarm always;
    /// dataset drift or a stale moved labelled base rate (label drift, <see cref="BaseRateCheck.Stale"/>) when <paramref name="retrainOnDrift"/>, except for a
    /// recommender; never on insufficient data.
    /// </summary>
    public static RetrainDecision From(MonitoringReport report, bool retrainOnDrift = true, IReadOnlyDictionary<string, double>? importance = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var drifted = report.Drift.DriftedColumns
            .Select(name => report.Drift.Columns.First(c => c.Name == name))
            .Select(c => new DriftedFeature(c.Name, c.Method.WireName(), c.EffectSize,
                importance is not null && importance.TryGetValue(c.Name, out var v) ? v : null, c.ImportanceRank))
            .ToArray();
        var performance = report.Performance;
        var reasons = new List<string>();
        if (report.Verdict == MonitoringVerdict.InsufficientData)
        {
            reasons.Add("Not enough data to judge; no retraining. " + string.Join(" ", report.Reasons));
            return new RetrainDecision
            {
                Retrain = false, Verdict = report.Verdict, Reasons = reasons, DriftedFeatures = drifted,
                PerformanceBelowBaseline = false, DetectorAlarm = false,
            };
        }

        reasons.AddRange(performance.Findings);
        if (performance.Detectors.Alarm)
        {
            reasons.Add(performance.Detectors.Finding()!);
        }
        // NOTE: a recommender's drift columns (user activity, item popularity rank of fed-back items) move whenever the
        // recommender steers what is clicked: they are reported, and its retrain trigger is the hit rate.
        var driftCause = retrainOnDrift && report.Drift.DatasetDrift && report.Recommendation is null;
        if (driftCause)
        {
            reasons.Add("Dataset drift in " + string.Join(", ", drifted.Select(Describe)) + ".");
        }

        // NOTE: label drift: the labelled positive rate left its 95% interval around the baseline's. The model's
        // probabilities and threshold belong to the old rate; retraining on the labelled traffic restates both. A model
        // already fitted on such traffic whose threshold still fits is not retrained for the move alone (BaseRateCheck.Stale).
        var labelDrift = retrainOnDrift && report.Recommendation is null && performance.BaseRate is { Moved: true, Stale: true };
        if (labelDrift)
        {
            reasons.Add(BaseRateAnalysis.Finding(performance.BaseRate)!);
        }

        var retrain = performance.BelowBaseline || performance.Detectors.Alarm || driftCause || labelDrift;
        if (!retrain)
        {
            reasons.Add(!report.Drift.DatasetDrift && performance.BaseRate is not { Stale: true } ? "Healthy: nothing warrants retraining."
                : report.Recommendation is not null ? "Activity drift only: a recommender retrains when its hit rate falls."
                : "Dataset or label drift only, and monitor.retrain_on_drift is false.");
        }
        return new RetrainDecision
        {
            Retrain = retrain, Verdict = report.Verdict, Reasons = reasons, DriftedFeatures = drifted,
            PerformanceBelowBaseline = performance.BelowBaseline, DetectorAlarm = performance.Detectors.Alarm,
        };
    }

    /// <summary>From a report, with the retrain-on-drift switch and feature importances of <paramref name="options"/>.</summary>
    public static RetrainDecision From(MonitoringReport report, MonitoringOptions options) =>
        From(report, options.RetrainOnDrift, options.Drift.FeatureImportance);

    /// <summary>One line per reason, prefixed by the decision, for the console.</summary>
    public override string ToString() =>
        (Retrain ? "Retrain: yes" : "Retrain: no") + "\n" + string.Join("\n", Reasons.Select(r => "  - " + r));

    private static string Describe(DriftedFeature f) => f.Importance is { } i
        ? string.Create(CultureInfo.InvariantCulture, $"{f.Name} ({f.Method}, effect {f.EffectSize:0.###}, importance {i:0.###})")
        : string.Create(CultureInfo.InvariantCulture, $"{f.Name} ({f.Method}, effect {f.EffectSize:0.###})");
}
