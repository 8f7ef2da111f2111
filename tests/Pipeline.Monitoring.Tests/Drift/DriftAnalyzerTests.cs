using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Tests.Drift;

public sealed class DriftAnalyzerTests
{
    private static double?[] Numbers(int count, double shift, double scale = 1.0) =>
        Enumerable.Range(0, count).Select(i => (double?)(shift + scale * ((i * 7919 % count) / (double)count))).ToArray();

    private static string?[] Labels(int count, params string[] cycle) =>
        Enumerable.Range(0, count).Select(i => (string?)cycle[i % cycle.Length]).ToArray();

    private static DriftDataset Dataset(params DatasetColumn[] columns) => new(columns);

    [Theory]
    [InlineData(1000, ColumnKind.Numeric, DriftMethod.Ks)]
    [InlineData(1001, ColumnKind.Numeric, DriftMethod.Wasserstein)]
    [InlineData(1000, ColumnKind.Categorical, DriftMethod.ChiSquare)]
    [InlineData(1001, ColumnKind.Categorical, DriftMethod.JensenShannon)]
    public void ChooseMethod_ByKindAndReferenceSize_FollowsEvidentlyDefaults(int size, ColumnKind kind, DriftMethod expected) =>
        Assert.Equal(expected, ColumnDriftCalculator.ChooseMethod("x", kind, size, new DriftOptions()));

    [Fact]
    public void ChooseMethod_ForcedMethod_WinsWhereTheKindSupportsIt()
    {
        var options = new DriftOptions
        {
            ForcedMethod = DriftMethod.Ks,
            Columns = new Dictionary<string, ColumnDriftOptions> { ["x"] = new(DriftMethod.Psi) },
        };
        Assert.Equal(DriftMethod.Ks, ColumnDriftCalculator.ChooseMethod("x", ColumnKind.Numeric, 10, options));
        Assert.Equal(DriftMethod.ChiSquare, ColumnDriftCalculator.ChooseMethod("c", ColumnKind.Categorical, 10, options));
    }

    [Fact]
    public void ChooseMethod_ColumnOverride_BeatsSizeRule()
    {
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["x"] = new(DriftMethod.Psi) } };
        Assert.Equal(DriftMethod.Psi, ColumnDriftCalculator.ChooseMethod("x", ColumnKind.Numeric, 10, options));
    }

    [Fact]
    public void ChooseMethod_NumericOnlyOverrideOnCategorical_ThrowsNamingAlternatives()
    {
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["c"] = new(DriftMethod.Ks) } };
        var error = Assert.Throws<ArgumentException>(() => ColumnDriftCalculator.ChooseMethod("c", ColumnKind.Categorical, 10, options));
        Assert.Contains("chi2, psi or js", error.Message);
    }

    [Fact]
    public void Analyze_ShiftedNumericAndSameCategorical_OneOfTwoDriftsAndShareMeetsDefault()
    {
        var reference = Dataset(DatasetColumn.Numeric("amount", Numbers(200, 0)), DatasetColumn.Categorical("city", Labels(200, "a", "b")));
        var current = Dataset(DatasetColumn.Numeric("amount", Numbers(150, 0.5)), DatasetColumn.Categorical("city", Labels(150, "a", "b")));
        var report = new DriftAnalyzer().Analyze(reference, current);

        var amount = report.Columns.Single(c => c.Name == "amount");
        Assert.Equal(DriftMethod.Ks, amount.Method);
        Assert.True(amount.Drift);
        Assert.Equal(amount.Statistic, amount.EffectSize);
        Assert.False(report.Columns.Single(c => c.Name == "city").Drift);
        Assert.Equal(0.5, report.DriftShare);
        Assert.True(report.DatasetDrift);
    }

    [Fact]
    public void Analyze_ShareBelowConfiguredShare_NoDatasetDrift()
    {
        var reference = Dataset(DatasetColumn.Numeric("amount", Numbers(200, 0)), DatasetColumn.Categorical("city", Labels(200, "a", "b")));
        var current = Dataset(DatasetColumn.Numeric("amount", Numbers(150, 0.5)), DatasetColumn.Categorical("city", Labels(150, "a", "b")));
        var report = new DriftAnalyzer(new DriftOptions { DatasetDriftShare = 0.6 }).Analyze(reference, current);
        Assert.Equal(0.5, report.DriftShare);
        Assert.False(report.DatasetDrift);
    }

    [Fact]
    public void Analyze_TooFewValues_InsufficientDataNotDrift()
    {
        var reference = Dataset(DatasetColumn.Numeric("amount", Numbers(200, 0)));
        var current = Dataset(DatasetColumn.Numeric("amount", [.. Numbers(10, 5), null, null]));
        var report = new DriftAnalyzer().Analyze(reference, current);

        var amount = Assert.Single(report.Columns);
        Assert.True(amount.InsufficientData);
        Assert.False(amount.Drift);
        Assert.Equal(10, amount.CurrentSize);
        Assert.False(report.DatasetDrift);
        Assert.Equal(0.0, report.DriftShare);
    }

    [Fact]
    public void Analyze_TooFewValues_StillReportsStatisticAndPValueWithTheFlag()
    {
        var reference = Dataset(DatasetColumn.Numeric("amount", Numbers(200, 0)), DatasetColumn.Categorical("city", Labels(200, "a", "b")));
        var current = Dataset(DatasetColumn.Numeric("amount", Numbers(11, 5)), DatasetColumn.Categorical("city", Labels(11, "a", "a", "a", "b")));

        var report = new DriftAnalyzer().Analyze(reference, current);

        var amount = report.Columns.Single(c => c.Name == "amount");
        Assert.True(amount.InsufficientData);
        Assert.False(amount.Drift);
        Assert.Equal(DriftMethod.Ks, amount.Method);
        Assert.Equal(1.0, amount.Statistic);
        // NOTE: D = 1 (every current value above every reference value): exactly 2 of the C(211, 11) orderings reach it.
        const double expected = 2.0 / 709_284_896_615_071_686.0;
        Assert.Equal(expected, amount.PValue!.Value, expected * 1e-9);
        Assert.Equal(1.0, amount.EffectSize);
        var city = report.Columns.Single(c => c.Name == "city");
        Assert.True(city.InsufficientData);
        Assert.Equal(DriftMethod.ChiSquare, city.Method);
        Assert.NotNull(city.Statistic);
        Assert.InRange(city.PValue!.Value, 0.0, 1.0);
        Assert.Contains("\"p_value\"", report.ToJson());
        Assert.Equal(0.0, report.DriftShare);
    }

    [Fact]
    public void Analyze_NoValueOnOneSide_InsufficientDataWithoutStatistic()
    {
        var report = new DriftAnalyzer().Analyze(Dataset(DatasetColumn.Numeric("amount", Numbers(200, 0))), Dataset(DatasetColumn.Numeric("amount", [null, null])));

        var amount = Assert.Single(report.Columns);
        Assert.True(amount.InsufficientData);
        Assert.Null(amount.Statistic);
        Assert.Null(amount.PValue);
    }

    [Fact]
    public void Analyze_LargeShiftedCategorical_JensenShannonDriftsAboveThreshold()
    {
        var reference = Dataset(DatasetColumn.Categorical("city", Labels(2000, "a", "b", "c")));
        var current = Dataset(DatasetColumn.Categorical("city", Labels(2000, "a", "a", "a", "c", "d")));
        var city = new DriftAnalyzer().Analyze(reference, current).Columns.Single();
        Assert.Equal(DriftMethod.JensenShannon, city.Method);
        Assert.Null(city.PValue);
        Assert.True(city.Statistic >= 0.1);
        Assert.True(city.Drift);
    }

    [Fact]
    public void Analyze_FeatureImportance_RanksDriftedColumnsMostImportantFirst()
    {
        var reference = Dataset(DatasetColumn.Numeric("a", Numbers(300, 0)), DatasetColumn.Numeric("b", Numbers(300, 0)), DatasetColumn.Numeric("c", Numbers(300, 0)));
        var current = Dataset(DatasetColumn.Numeric("a", Numbers(300, 1)), DatasetColumn.Numeric("b", Numbers(300, 1)), DatasetColumn.Numeric("c", Numbers(300, 0)));
        var options = new DriftOptions { FeatureImportance = new Dictionary<string, double> { ["a"] = 0.1, ["b"] = 0.7, ["c"] = 0.2 } };
        var report = new DriftAnalyzer(options).Analyze(reference, current);

        Assert.Equal(["b", "a"], report.DriftedColumns);
        Assert.Equal(1, report.Columns.Single(c => c.Name == "b").ImportanceRank);
        Assert.Equal(2, report.Columns.Single(c => c.Name == "a").ImportanceRank);
        Assert.Null(report.Columns.Single(c => c.Name == "c").ImportanceRank);
    }

    [Fact]
    public void Analyze_ColumnThresholdOverride_ChangesVerdict()
    {
        var reference = Dataset(DatasetColumn.Numeric("amount", Numbers(200, 0)));
        var current = Dataset(DatasetColumn.Numeric("amount", Numbers(150, 0.5)));
        var options = new DriftOptions
        {
            Columns = new Dictionary<string, ColumnDriftOptions> { ["amount"] = new(DriftMethod.Wasserstein, 10.0) },
        };
        var amount = new DriftAnalyzer(options).Analyze(reference, current).Columns.Single();
        Assert.Equal(DriftMethod.Wasserstein, amount.Method);
        Assert.Equal(10.0, amount.Threshold);
        Assert.False(amount.Drift);
    }

    [Fact]
    public void Analyze_MissingCurrentColumn_ThrowsListingCurrentColumns()
    {
        var reference = Dataset(DatasetColumn.Numeric("amount", Numbers(50, 0)));
        var current = Dataset(DatasetColumn.Numeric("total", Numbers(50, 0)));
        var error = Assert.Throws<ArgumentException>(() => new DriftAnalyzer().Analyze(reference, current));
        Assert.Contains("'amount'", error.Message);
        Assert.Contains("total", error.Message);
    }
}
