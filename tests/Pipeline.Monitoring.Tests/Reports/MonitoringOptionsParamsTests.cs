using Pipeline.Formats.Params;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Tests.Reports;

/// <summary>params.yaml's monitor section, flattened as the engine hands it over, into monitoring and drift options.</summary>
public sealed class MonitoringOptionsParamsTests
{
    [Fact]
    public void FromParams_MonitorAndDriftKeys_SetEveryOption()
    {
        var options = MonitoringOptions.FromParams(new Dictionary<string, string>
        {
            ["window_size"] = "300", ["tolerance"] = "0.05", ["retrain_on_drift"] = "false", ["ddm.drift"] = "2.5",
            ["drift.drift_share"] = "0.4", ["drift.ks_threshold"] = "0.01",
            ["drift.columns.amount.method"] = "psi", ["drift.columns.amount.threshold"] = "0.2", ["drift.columns.country.method"] = "chi2",
        });

        Assert.Equal((300, 0.05, false, 2.5), (options.WindowSize, options.Tolerance, options.RetrainOnDrift, options.DdmDriftLevel));
        Assert.Equal((0.4, 0.01), (options.Drift.DatasetDriftShare, options.Drift.KsThreshold));
        Assert.Equal(new ColumnDriftOptions(DriftMethod.Psi, 0.2), options.Drift.Columns["amount"]);
        Assert.Equal(new ColumnDriftOptions(DriftMethod.ChiSquare), options.Drift.Columns["country"]);
    }

    [Fact]
    public void FromParams_TextThresholdAndPeriod_SetTheirOptions()
    {
        var options = MonitoringOptions.FromParams(new Dictionary<string, string>
        {
            ["drift.text_threshold"] = "0.6", ["drift.columns.shift.period"] = "7", ["drift.columns.hour.period"] = "0",
        });

        Assert.Equal(0.6, options.Drift.TextThreshold);
        Assert.Equal(7, options.Drift.Columns["shift"].Period);
        Assert.Equal(0, options.Drift.Columns["hour"].Period);
    }

    [Fact]
    public void FromParams_RecommendKeys_SetTheHitRateThresholdAndPositiveLabel()
    {
        var options = MonitoringOptions.FromParams(new Dictionary<string, string> { ["recommend.min_hit_rate"] = "0.25", ["recommend.relevant_at"] = "4" });

        Assert.Equal((0.25, 4.0), (options.RecommendMinHitRate, options.RecommendRelevantAt));
        Assert.Equal((0.1, 1.0), (new MonitoringOptions().RecommendMinHitRate, new MonitoringOptions().RecommendRelevantAt));
    }

    [Fact]
    public void FromParams_Empty_KeepsTheDefaults()
    {
        var options = MonitoringOptions.FromParams(new Dictionary<string, string>());

        Assert.Equal(new MonitoringOptions().WindowSize, options.WindowSize);
        Assert.Equal(0.5, options.Drift.DatasetDriftShare);
        Assert.Empty(options.Drift.Columns);
    }

    [Theory]
    [InlineData("windw_size", "10", "'monitor.windw_size'")]
    [InlineData("drift.drift_shar", "0.3", "'monitor.drift.drift_shar'")]
    [InlineData("drift.columns.amount.methd", "ks", "'monitor.drift.columns.amount.methd'")]
    [InlineData("drift.drift_share", "1.5", "params.yaml monitor.drift.drift_share is '1.5'")]
    [InlineData("window_size", "lots", "params.yaml monitor.window_size is 'lots'")]
    [InlineData("drift.method", "kl", "params.yaml monitor.drift.method is 'kl'; expected one of: ks, chi2, psi, js, wasserstein, domain_classifier.")]
    [InlineData("drift.columns.amount.method", "kl", "params.yaml monitor.drift.columns.amount.method is 'kl'")]
    [InlineData("drift.bins", "1", "params.yaml monitor.drift.bins is '1'; expected an integer >= 2.")]
    [InlineData("recommend.min_hit_rat", "0.2", "'monitor.recommend.min_hit_rat'")]
    [InlineData("recommend.min_hit_rate", "2", "params.yaml monitor.recommend.min_hit_rate is '2'")]
    [InlineData("retrain_on_drift", "maybe", "params.yaml monitor.retrain_on_drift is 'maybe'; expected true or false.")]
    public void FromParams_BadKeyOrValue_FailsNamingIt(string key, string value, string expected)
    {
        var error = Assert.Throws<ParamException>(() => MonitoringOptions.FromParams(new Dictionary<string, string> { [key] = value }));

        Assert.Contains(expected, error.Message);
    }
}
