using System.Globalization;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>Builds the performance section: measured metrics and detectors from feedback, else the CBPE estimate.</summary>
internal static class PerformanceAnalysis
{
    /// <summary>The performance section of the window.</summary>
    public static PerformanceSection Compute(PredictionWindow window, BaselineMetrics baseline, MonitoringOptions options, Func<PredictionWindow, double?>? driftShare = null)
    {
        var threshold = options.DecisionThreshold ?? baseline.Threshold ?? 0.5;
        var outcomes = window.Predictions
            .Select(p => (Prediction: p, Correct: p.Correct(threshold)))
            .Where(o => o.Correct is not null)
            .Select(o => (o.Prediction, Correct: o.Correct!.Value))
            .ToArray();
        var findings = new List<string>();
        MeasuredPerformance? measured = null;
        PerformanceEstimate? estimate = null;
        var detectors = DetectorSummary.NotRun;
        var baseRate = BaseRateAnalysis.Compute(window, baseline, threshold, options);
        if (outcomes.Length >= options.MinimumLabels)
        {
            measured = Measure(outcomes, options);
            detectors = RunDetectors(outcomes, options);
            var (expected, at) = ExpectedAccuracy(outcomes.Length, baseRate, baseline);
            Compare("Accuracy", measured.Accuracy, measured.AccuracyInterval, expected, options.Tolerance, findings, at);
            if (measured.Auc is { } auc) Compare("AUC", auc, measured.AucInterval!.Value, baseline.Auc, options.Tolerance, findings);
        }
        else
        {
            var probabilities = window.Predictions.Where(p => p.Probability is not null).Select(p => p.Probability!.Value).ToArray();
            if (probabilities.Length > 0)
            {
                estimate = ConfidenceBasedPerformanceEstimator.Estimate(probabilities, threshold);
                if (probabilities.Length >= options.MinimumPredictions)
                {
                    var interval = WilsonInterval.Of((long)Math.Round(estimate.Accuracy * estimate.Count), estimate.Count);
                    Compare("Estimated accuracy (CBPE, no labels)", estimate.Accuracy, interval, baseline.Accuracy, options.Tolerance, findings);
                }
            }
        }

        return new PerformanceSection
        {
            BaseRate = baseRate,
            Labelled = window.LabelledCount, Measured = measured, Estimate = estimate, Baseline = baseline,
            BelowBaseline = findings.Count > 0, Findings = findings, Detectors = detectors,
            Buckets = TimeBuckets.Compute(window, threshold, options.Buckets, driftShare),
        };
    }

    private static MeasuredPerformance Measure((LoggedPrediction Prediction, bool Correct)[] outcomes, MonitoringOptions options)
    {
        var hits = outcomes.Count(o => o.Correct);
        var scored = outcomes
            .Where(o => o.Prediction.Probability is not null && LabelText.TryParseBoolean(o.Prediction.FeedbackLabel) is not null)
            .Select(o => (o.Prediction.Probability!.Value, LabelText.TryParseBoolean(o.Prediction.FeedbackLabel)!.Value))
            .ToArray();
        var auc = RocAuc.Compute(scored, options.MinimumClassLabels);
        return new MeasuredPerformance(
            outcomes.Length, hits / (double)outcomes.Length, WilsonInterval.Of(hits, outcomes.Length), auc?.Auc, auc?.Interval);
    }

    private static DetectorSummary RunDetectors((LoggedPrediction Prediction, bool Correct)[] outcomes, MonitoringOptions options)
    {
        var correct = outcomes.Select(o => o.Correct).ToArray();
        var observed = Detect(correct, outcomes, options);
        var summary = new DetectorSummary(observed.PageHinkley, observed.Ddm, observed.Warnings, observed.First);
        if (observed.PageHinkley + observed.Ddm == 0) return summary;

        // NOTE: a permutation test of the alarm: the same outcomes in seeded random orders have no change point by
        // construction; the statistic is the highest level either detector reached (relative to its alarm level), and
        // the alarm is evidence of a change only when few orders reach as high.
        var random = new Random(PermutationSeed);
        var asHigh = 0;
        for (var k = 0; k < Permutations; k++)
        {
            random.Shuffle(correct);
            if (Detect(correct, null, options).Level >= observed.Level) asHigh++;
        }

        return summary with { PValue = (1 + asHigh) / (1.0 + Permutations) };
    }

    private const int Permutations = 199, PermutationSeed = 1;

    private static (int PageHinkley, int Ddm, int Warnings, DateTimeOffset? First, double Level) Detect(bool[] correct, (LoggedPrediction Prediction, bool Correct)[]? timed, MonitoringOptions options)
    {
        // NOTE: DDM's warm-up is the minimum label count: after a short error-free start its minimum is 0 and any error alarms.
        var pageHinkley = new PageHinkley(options.PageHinkleyDelta, options.PageHinkleyLambda);
        var ddm = new DriftDetectionMethod(options.MinimumLabels, options.DdmWarningLevel, options.DdmDriftLevel);
        var warnings = 0;
        DateTimeOffset? first = null;
        for (var i = 0; i < correct.Length; i++)
        {
            var ph = pageHinkley.Add(correct[i] ? 0 : 1);
            var dd = ddm.Add(!correct[i]);
            if (dd == DetectorState.Warning) warnings++;
            if ((ph == DetectorState.Drift || dd == DetectorState.Drift) && first is null) first = timed?[i].Prediction.Time;
        }

        return (pageHinkley.Detections, ddm.Detections, warnings, first, Math.Max(pageHinkley.MaxLevel, ddm.MaxLevel));
    }

    // NOTE: a binary window's labels fix its positive rate; the baseline accuracy is restated at that rate from the
    // holdout's class-conditional rates (label shift changes the mix, not how each class is told apart). Only when every
    // outcome is a boolean label of a scored prediction (the base-rate check's labelled rows).
    private static (double? Accuracy, string? At) ExpectedAccuracy(int outcomes, BaseRateCheck? baseRate, BaselineMetrics baseline)
    {
        if (baseRate is not { ObservedPositiveRate: { } rate } || baseRate.Labelled != outcomes || baseline.TruePositiveRate is null || baseline.TrueNegativeRate is null) return (baseline.Accuracy, null);
        return (baseline.AccuracyAt(rate), string.Create(CultureInfo.InvariantCulture, $" ({baseline.Accuracy:0.####} at the holdout's {baseline.PositiveRate:P1} positive labels, restated at the window's {rate:P1})"));
    }

    private static void Compare(string what, double value, WilsonInterval interval, double? baseline, double tolerance, List<string> findings, string? at = null)
    {
        if (baseline is not { } b || interval.Upper >= b - tolerance) return;
        var margin = tolerance > 0 ? string.Create(CultureInfo.InvariantCulture, $" minus tolerance {tolerance:0.####}") : "";
        findings.Add(string.Create(CultureInfo.InvariantCulture,
            $"{what} {value:0.####} (95% CI {interval.Lower:0.####}-{interval.Upper:0.####}) is below the baseline {b:0.####}{at}{margin}."));
    }
}
