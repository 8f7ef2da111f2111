using System.Globalization;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Hosts;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Recommendations;

namespace Pipeline.Monitoring.Reports;

/// <summary>Builds a <see cref="MonitoringReport"/> from a window of the prediction log, the training reference and the baseline.</summary>
internal sealed class MonitoringReportBuilder
{
    private readonly MonitoringOptions _options;

    /// <summary>Creates a builder; null options mean the documented defaults.</summary>
    public MonitoringReportBuilder(MonitoringOptions? options = null)
    {
        _options = options ?? new MonitoringOptions();
        _options.Validate();
    }

    /// <summary>
    /// The report of <paramref name="window"/>. Drift compares the reference columns that appear in the logged features
    /// (label and key columns of train.csv are not features and so are left out). <paramref name="hosts"/> adds the
    /// serving hosts' figures to the system section; they never change the verdict.
    /// </summary>
    public MonitoringReport Build(PredictionWindow window, DriftDataset reference, BaselineMetrics? baseline = null, IReadOnlyList<HostReading>? hosts = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(reference);
        var (compared, current, drift) = Drift(window, reference);
        var performance = PerformanceAnalysis.Compute(window, baseline ?? BaselineMetrics.None, _options, part =>
            Drift(part, reference).Report is var r && r.Columns.Any(c => !c.InsufficientData) ? r.DriftShare : null);
        var (verdict, reasons) = Decide(window.Predictions.Count, drift, performance);
        return new MonitoringReport
        {
            Verdict = verdict, Reasons = reasons, Window = Summarize(window), Drift = drift, Performance = performance,
            System = SystemAnalysis.Compute(window, hosts),
            Distributions = FeatureDistributions.Compute(compared, current, _options.HistogramBins),
        };
    }

    /// <summary>
    /// The report of a recommender's window: the online hit rate from <paramref name="feedback"/> (clicks and ratings on
    /// returned items, by request id) is its performance, judged against monitor.recommend.min_hit_rate; drift compares
    /// user activity and item popularity rank with the training interactions of <paramref name="reference"/>.
    /// </summary>
    public MonitoringReport BuildRecommendation(PredictionWindow window, IReadOnlyDictionary<string, IReadOnlyList<(string Item, string Label)>> feedback, RecommendationReference reference, BaselineMetrics? baseline = null, IReadOnlyList<HostReading>? hosts = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(reference);
        var (compared, current) = RecommendationAnalysis.ActivityDatasets(window, feedback, reference);
        var drift = new DriftAnalyzer(_options.Drift).Analyze(compared, current);
        var section = RecommendationAnalysis.Compute(window, feedback, _options);
        var finding = RecommendationAnalysis.Finding(section, _options);
        var performance = PerformanceAnalysis.Compute(window, baseline ?? BaselineMetrics.None, _options) is var p && section.BelowThreshold
            ? p with { BelowBaseline = true, Findings = [finding] }
            : p;
        var (verdict, reasons) = Decide(window.Predictions.Count, drift, performance, finding);
        return new MonitoringReport
        {
            Verdict = verdict, Reasons = reasons, Window = Summarize(window), Drift = drift, Performance = performance,
            System = SystemAnalysis.Compute(window, hosts), Recommendation = section,
            Distributions = FeatureDistributions.Compute(compared, current, _options.HistogramBins),
        };
    }

    /// <summary>The window's features against the reference columns it logged, and their drift.</summary>
    private (DriftDataset Reference, DriftDataset Current, DriftReport Report) Drift(PredictionWindow window, DriftDataset reference)
    {
        var current = window.ToDataset(reference);
        var compared = new DriftDataset(reference.Columns.Where(c => current.Find(c.Name) is not null));
        return (compared, current, new DriftAnalyzer(_options.Drift).Analyze(compared, current));
    }

    // NOTE: for a recommender, recommendation is the hit-rate sentence, said instead of the feedback-label count.
    private (MonitoringVerdict, IReadOnlyList<string>) Decide(int predictions, DriftReport drift, PerformanceSection performance, string? recommendation = null)
    {
        var reasons = new List<string>();
        if (predictions < _options.MinimumPredictions)
        {
            reasons.Add(Text($"Only {predictions} predictions in the window; at least {_options.MinimumPredictions} are needed (monitor.min_predictions)."));
            return (MonitoringVerdict.InsufficientData, reasons);
        }

        reasons.AddRange(performance.Findings);
        if (BaseRateAnalysis.Finding(performance.BaseRate) is { } baseRate) reasons.Add(baseRate);
        if (performance.Detectors.Finding() is { } alarm) reasons.Add(alarm);

        var tested = drift.Columns.Count(c => !c.InsufficientData);
        if (drift.DatasetDrift)
        {
            reasons.Add(Text($"Dataset drift: {drift.DriftedColumns.Count} of {tested} features drifted (share {drift.DriftShare:0.###} >= {drift.DriftShareThreshold:0.###}): {string.Join(", ", drift.DriftedColumns)}."));
        }
        else if (drift.DriftedColumns.Count > 0)
        {
            reasons.Add(Text($"{drift.DriftedColumns.Count} of {tested} features drifted, below the dataset drift share {drift.DriftShareThreshold:0.###}: {string.Join(", ", drift.DriftedColumns)}."));
        }

        if (recommendation is not null)
        {
            if (!performance.BelowBaseline) reasons.Add(recommendation);
        }
        else if (performance.Measured is null)
        {
            reasons.Add(Text($"Only {performance.Labelled} feedback labels (monitor.min_labels = {_options.MinimumLabels}); performance is estimated, not measured."));
        }

        var verdict = performance.BelowBaseline || performance.Detectors.Alarm ? MonitoringVerdict.Degraded
            : drift.DatasetDrift || performance.BaseRate is { Stale: true } ? MonitoringVerdict.Drifted
            : MonitoringVerdict.Healthy;
        if (verdict == MonitoringVerdict.Healthy)
        {
            reasons.Insert(0, Text($"No dataset drift over {tested} features and performance is not below the baseline."));
        }

        return (verdict, reasons);
    }

    private static WindowSummary Summarize(PredictionWindow window)
    {
        var p = window.Predictions;
        return new WindowSummary(
            p.Count, window.LabelledCount, p.Count == 0 ? null : p[0].Time, p.Count == 0 ? null : p[^1].Time,
            p.Select(x => x.ModelVersion).Distinct().Order(StringComparer.Ordinal).ToArray(),
            p.GroupBy(x => x.Variant, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, g.Count())).ToArray());
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
