using Pipeline.Formats.Profiles;
using Pipeline.Monitoring.Reports;
using Pipeline.Monitoring.Tests.Logs;

namespace Pipeline.Monitoring.Tests.Reports;

public sealed class MonitoringReportBuilderTests
{
    [Fact]
    public void Build_StableTrafficWithLabels_IsHealthy()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 400);
        var report = Run(log);
        Assert.Equal(MonitoringVerdict.Healthy, report.Verdict);
        Assert.False(report.Drift.DatasetDrift);
        Assert.Equal(["device", "x"], report.Drift.Columns.Select(c => c.Name));
        var measured = report.Performance.Measured!;
        Assert.Equal(0.9, measured.Accuracy, 12);
        Assert.NotNull(measured.Auc);
        Assert.Null(report.Performance.Estimate);
        Assert.False(report.Performance.Detectors.Alarm);
        Assert.False(RetrainDecision.From(report).Retrain);
        Assert.All(report.Performance.Buckets, b => Assert.NotNull(b.DriftShare));
        Assert.True(report.Performance.Buckets.Average(b => b.DriftShare!.Value) < 0.5);
    }

    [Fact]
    public void Build_ShiftedFeatures_IsDriftedAndRetrains()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 400, shift: 1.5, mobileShare: 0.3, labels: false);
        var report = Run(log);
        Assert.Equal(MonitoringVerdict.Drifted, report.Verdict);
        Assert.True(report.Drift.DatasetDrift);
        Assert.Equal(["device", "x"], report.Drift.DriftedColumns);
        Assert.True(report.Performance.Buckets.Average(b => b.DriftShare!.Value) >= 0.5);
        var decision = RetrainDecision.From(report, retrainOnDrift: true, new Dictionary<string, double> { ["x"] = 0.3, ["device"] = 0.1 });
        Assert.True(decision.Retrain);
        Assert.Equal(0.3, decision.DriftedFeatures.Single(f => f.Name == "x").Importance);
        Assert.False(RetrainDecision.From(report, retrainOnDrift: false).Retrain);
    }

    [Fact]
    public void Build_PerformanceDrop_IsDegradedWithAlarmAndRetrains()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 600, dropFrom: 300);
        var report = Run(log);
        Assert.Equal(MonitoringVerdict.Degraded, report.Verdict);
        Assert.True(report.Performance.BelowBaseline);
        Assert.True(report.Performance.Measured!.AccuracyInterval.Upper < 0.9);
        Assert.True(report.Performance.Detectors.Alarm);
        Assert.True(report.Performance.Detectors.FirstAlarmAt > Traffic.Start.AddSeconds(300));
        var decision = RetrainDecision.From(report);
        Assert.True(decision.Retrain);
        Assert.True(decision.PerformanceBelowBaseline);
        Assert.True(decision.DetectorAlarm);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Accuracy ", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_FewPredictions_IsInsufficientDataWithoutAlarm()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 20, shift: 3, dropFrom: 0);
        var report = Run(log);
        Assert.Equal(MonitoringVerdict.InsufficientData, report.Verdict);
        Assert.Contains("monitor.min_predictions", report.Reasons.Single(), StringComparison.Ordinal);
        Assert.All(report.Drift.Columns, c => Assert.True(c.InsufficientData));
        var decision = RetrainDecision.From(report);
        Assert.False(decision.Retrain);
        Assert.False(decision.PerformanceBelowBaseline);
    }

    [Fact]
    public void Build_NoLabels_MarksTheCbpeEstimate()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 300, labels: false);

        // NOTE: p = sigmoid(2x) with x ~ N(0, 1) expects accuracy E[max(p, 1 - p)] = 0.778; the baseline matches the model.
        var report = Run(log, baselineAccuracy: 0.78);
        Assert.Null(report.Performance.Measured);
        Assert.NotNull(report.Performance.Estimate);
        Assert.Equal(MonitoringVerdict.Healthy, report.Verdict);
        Assert.Contains(report.Reasons, r => r.Contains("estimated, not measured", StringComparison.Ordinal));
        var json = report.ToJson();
        Assert.Contains("\"measured\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"estimate\": {\n      \"estimated\": true,\n      \"method\": \"cbpe\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameInputsTwice_GivesTheSameBytes()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 300, dropFrom: 200);
        Assert.Equal(Run(log).ToJson(), Run(log).ToJson());
        Assert.Equal(Run(log).ToHtml(), Run(log).ToHtml());
    }

    [Fact]
    public void Build_Throughput_IsPredictionsPerSecondBetweenFirstAndLast()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 201, labels: false);
        var system = Run(log).System;
        Assert.Equal(1.0, system.ThroughputPerSecond);
        Assert.Equal(14.0, system.LatencyP50);
        Assert.Equal(24.0, system.LatencyMax);
    }

    [Fact]
    public void Build_NoLabelsAndEstimateBelowBaseline_IsDegradedAndSaysEstimated()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 300, labels: false);
        var report = Run(log, baselineAccuracy: 0.95);
        Assert.Equal(MonitoringVerdict.Degraded, report.Verdict);
        Assert.StartsWith("Estimated accuracy (CBPE, no labels)", report.Performance.Findings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RegisteredVersion_ComparesWithItsProfileSampleAndSaysWhichVersion()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 400, shift: 0.3);
        var csv = Traffic.WriteReference(log.Folder);
        var folder = Directory.CreateDirectory(Path.Combine(log.Folder, "models", "registry", "m", "v0.0.2")).FullName;
        Pipeline.Ml.Profiles.ProfileBuilder.Build(csv, Pipeline.Ml.Validation.SchemaInference.Infer(csv, "label", Pipeline.Ml.Data.MlTask.Binary))
            .Save(Path.Combine(folder, "profile.json"));
        Traffic.WriteMetrics(folder, accuracy: 0.97);
        File.Delete(csv);

        Assert.True(MonitoringInputs.HasRegisteredBaseline(folder));
        var report = MonitoringRun.Build(MonitoringInputs.Registered(log.Folder, log.Path, folder, "v0.0.2"));

        Assert.Equal(new BaselineOrigin("v0.0.2", "models/registry/m/v0.0.2/profile.json", "models/registry/m/v0.0.2/metrics.json") { ReferenceRows = 500, TrainingRows = 500 }, report.Origin);
        Assert.Equal(0.97, report.Performance.Baseline.Accuracy);
        Assert.Equal(MonitoringVerdict.Degraded, report.Verdict);
        var workspace = MonitoringRun.Build(new MonitoringInputs(log.Path, Traffic.WriteReference(log.Folder), Traffic.WriteMetrics(log.Folder)));
        Assert.Equal(workspace.Drift.Columns.Select(c => (c.Name, c.Method, c.Statistic)), report.Drift.Columns.Select(c => (c.Name, c.Method, c.Statistic)));
        Assert.Contains("\"baseline_origin\": {\n    \"version\": \"v0.0.2\",\n    \"reference\": \"models/registry/m/v0.0.2/profile.json\"", report.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[90, 10], [5, 5]]", true)]
    [InlineData("[[45, 5], [5, 45]]", false)]
    public void Build_BinaryWithLabels_ComparesExpectedAndObservedPositiveRatesAndRechecksTheThresholdWhenTheyMove(string counts, bool moved)
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 400);
        var metrics = Traffic.WriteMetrics(log.Folder);
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace("\"confusion_matrix\": {}", $"\"confusion_matrix\": {{\"classes\": [\"false\", \"true\"], \"counts\": {counts}}}", StringComparison.Ordinal));

        var report = MonitoringRun.Build(new MonitoringInputs(log.Path, Traffic.WriteReference(log.Folder), metrics));

        var rate = report.Performance.BaseRate!;
        var window = MonitoringRun.Build(new MonitoringInputs(log.Path, Traffic.WriteReference(log.Folder), Traffic.WriteMetrics(log.Folder)));
        var positives = window.Performance.BaseRate!.ObservedPositiveRate!.Value;
        Assert.Equal(moved ? 10 / 110.0 : 0.5, rate.ExpectedPositiveRate!.Value, 12);
        Assert.Equal(moved ? 15 / 110.0 : 0.5, rate.ExpectedPredictedPositiveRate!.Value, 12);
        Assert.Equal(400, rate.Labelled);
        Assert.Equal(positives, rate.ObservedPositiveRate);
        Assert.Equal(moved, rate.Moved);
        Assert.Equal(moved, report.Reasons.Any(r => r.StartsWith("Base rate moved:", StringComparison.Ordinal)));
        Assert.Equal(moved, rate.BestThreshold is not null);
        if (moved) Assert.True(rate.BestCost <= rate.ThresholdCost, $"best cost {rate.BestCost} > cost {rate.ThresholdCost} at the threshold in use");
        Assert.Equal(moved ? "min_cost(cost_fn_fp=1)" : null, rate.Rule);
        Assert.False(window.Performance.BaseRate.Moved);
        Assert.Contains("\"base_rate\": {", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MovedBaseRateWithACostRatio_RechecksTheThresholdByTrainsRuleAtThatRatio()
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 400);
        var metrics = Traffic.WriteMetrics(log.Folder);
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace("\"confusion_matrix\": {}", "\"confusion_matrix\": {\"classes\": [\"false\", \"true\"], \"counts\": [[90, 10], [5, 5]]}", StringComparison.Ordinal));
        var inputs = new MonitoringInputs(log.Path, Traffic.WriteReference(log.Folder), metrics);

        var report = MonitoringRun.Build(inputs);
        var accuracy = report.Performance.BaseRate!;
        var costly = MonitoringRun.Build(inputs, new MonitoringOptions { CostFnFp = 5 }).Performance.BaseRate!;

        Assert.Equal("min_cost(cost_fn_fp=5)", costly.Rule);
        Assert.True(costly.BestThreshold <= accuracy.BestThreshold, $"a costlier miss should not raise the threshold: {costly.BestThreshold} > {accuracy.BestThreshold}");
        Assert.Equal(1 - report.Performance.Measured!.Accuracy, accuracy.ThresholdCost!.Value, 12);
    }

    // NOTE: the window's labels are the predictions at 0.5 with every 10th inverted: 0.5 fits them, 0.95 does not.
    [Theory]
    [InlineData(false, 0.5, true)]
    [InlineData(true, 0.5, false)]
    [InlineData(true, 0.95, true)]
    public void RetrainDecision_MovedBaseRate_RetrainsUnlessTheModelWasFittedOnLabelledTrafficAndItsThresholdStillFits(bool trafficBaseline, double threshold, bool retrain)
    {
        using var log = new PredictionLogFile();
        Traffic.Add(log, 400);
        var metrics = Traffic.WriteMetrics(log.Folder);
        const string Moved = "\"confusion_matrix\": {\"classes\": [\"false\", \"true\"], \"counts\": [[90, 10], [5, 5]]}";
        var text = File.ReadAllText(metrics).Replace("\"threshold\": 0.5", FormattableString.Invariant($"\"threshold\": {threshold}"), StringComparison.Ordinal);
        text = trafficBaseline
            ? text.Replace("\"confusion_matrix\": {}", "\"confusion_matrix\": {}, \"labelled_traffic\": {\"rows\": 200, \"accuracy\": 0.9, \"auc\": 0.85, " + Moved + "}", StringComparison.Ordinal)
            : text.Replace("\"confusion_matrix\": {}", Moved, StringComparison.Ordinal);
        File.WriteAllText(metrics, text);
        var options = new MonitoringOptions { Tolerance = 0.02 };

        var report = MonitoringRun.Build(new MonitoringInputs(log.Path, Traffic.WriteReference(log.Folder), metrics), options);
        var decision = RetrainDecision.From(report, options);

        Assert.True(report.Performance.BaseRate!.Moved);
        Assert.Equal(retrain, report.Performance.BaseRate.Stale);
        Assert.Equal(retrain, decision.Reasons.Any(r => r.StartsWith("Base rate moved:", StringComparison.Ordinal)));
        if (!retrain) Assert.Contains(report.Reasons, r => r.Contains("does not retrain it", StringComparison.Ordinal));
        Assert.Equal(retrain, report.Verdict != MonitoringVerdict.Healthy);
    }

    [Fact]
    public void HasRegisteredBaseline_ProfileWithoutSample_IsFalse()
    {
        using var log = new PredictionLogFile();
        File.WriteAllText(Path.Combine(log.Folder, "profile.json"), "{\"row_count\": 3, \"columns\": []}\n");
        Traffic.WriteMetrics(log.Folder);
        Assert.False(MonitoringInputs.HasRegisteredBaseline(log.Folder));
    }

    private static MonitoringReport Run(PredictionLogFile log, double baselineAccuracy = 0.9)
    {
        var inputs = new MonitoringInputs(log.Path, Traffic.WriteReference(log.Folder), Traffic.WriteMetrics(log.Folder, baselineAccuracy));
        return MonitoringRun.Build(inputs);
    }
}
