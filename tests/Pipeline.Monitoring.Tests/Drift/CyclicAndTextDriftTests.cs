using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Tests.Drift;

public sealed class CyclicAndTextDriftTests
{
    private static readonly string[] Adjectives = ["bright", "golden", "urban", "royal", "happy", "green", "quick", "silver", "blue", "prime"];
    private static readonly string[] Nouns = ["coffee", "books", "garage", "bakery", "market", "pharmacy", "shoes", "tools", "kitchen", "studio"];
    private static readonly string[] Places = ["lisbon", "paris", "berlin", "austin", "lagos", "delhi", "toronto", "madrid", "osaka", "lima"];

    // NOTE: 90% of the traffic by day (9:00-17:00), the rest at 23:00, or (moved) at 00:00: one hour later round the clock.
    private static double?[] Hours(int count, double night) =>
        Enumerable.Range(0, count).Select(i => (double?)(i % 10 == 0 ? night : 9 + i % 9)).ToArray();

    private static string?[] Descriptions(int count, int seed, params string[] extra)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (string?)string.Join(' ',
            new[] { Adjectives[random.Next(10)], Nouns[random.Next(10)], Places[random.Next(10)] }.Concat(extra))).ToArray();
    }

    private static ColumnDrift Single(DatasetColumn reference, DatasetColumn current, DriftOptions? options = null) =>
        new DriftAnalyzer(options).Analyze(new DriftDataset([reference]), new DriftDataset([current])).Columns.Single();

    [Theory]
    [InlineData(500, DriftMethod.Kuiper)]
    [InlineData(4000, DriftMethod.CircularWasserstein)]
    public void Analyze_HourTrafficMovingAcrossMidnight_IsComparedRoundTheClockAndDoesNotDrift(int rows, DriftMethod expected)
    {
        var drift = Single(DatasetColumn.Numeric("hour", Hours(rows, 23)), DatasetColumn.Numeric("hour", Hours(rows, 0)));

        Assert.Equal(expected, drift.Method);
        Assert.False(drift.Drift);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(4000)]
    public void Analyze_HourNotCyclic_ReadsTheSameMoveAsDrift(int rows)
    {
        var linear = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["hour"] = new(Period: 0) } };
        var drift = Single(DatasetColumn.Numeric("hour", Hours(rows, 23)), DatasetColumn.Numeric("hour", Hours(rows, 0)), linear);

        Assert.True(drift.Drift);
    }

    [Fact]
    public void Analyze_MoreNightTraffic_StillDriftsOnTheCircle()
    {
        var reference = Hours(4000, 23);
        var current = reference.Select((h, i) => i % 10 < 4 ? (double?)(i % 5) : h).ToArray();
        var drift = Single(DatasetColumn.Numeric("hour", reference), DatasetColumn.Numeric("hour", current));

        Assert.Equal(DriftMethod.CircularWasserstein, drift.Method);
        Assert.True(drift.Drift);
        Assert.Equal("circular_wasserstein_normed", drift.EffectSizeMeasure);
    }

    [Fact]
    public void Analyze_FreshDescriptionsFromTheSameWords_AreTextWithoutDrift_ThoughFewStringsRepeat()
    {
        var (reference, current) = (Descriptions(2000, 1), Descriptions(1000, 2));
        var text = Single(DatasetColumn.Categorical("merchant_description", reference), DatasetColumn.Categorical("merchant_description", current));
        var asCategories = Single(DatasetColumn.Categorical("merchant_description", reference), DatasetColumn.Categorical("merchant_description", current),
            new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["merchant_description"] = new(Text: false) } });

        Assert.Equal(DriftMethod.Text, text.Method);
        Assert.Equal("token_js_distance", text.EffectSizeMeasure);
        Assert.False(text.Drift);
        Assert.True(asCategories.Drift, "string equality reads fresh descriptions as drift");
    }

    [Fact]
    public void Analyze_DescriptionsWithNewWords_DriftAsText()
    {
        var drift = Single(DatasetColumn.Categorical("merchant_description", Descriptions(2000, 1)),
            DatasetColumn.Categorical("merchant_description", Descriptions(1000, 2, "casino", "crypto")));

        Assert.Equal(DriftMethod.Text, drift.Method);
        Assert.True(drift.Drift);
    }

    [Fact]
    public void Analyze_OneWordCategories_StayCategorical()
    {
        var labels = Enumerable.Range(0, 2000).Select(i => (string?)$"category_{i % 80}").ToArray();
        Assert.Equal(DriftMethod.JensenShannon, Single(DatasetColumn.Categorical("c", labels), DatasetColumn.Categorical("c", labels)).Method);
    }

    [Fact]
    public void ChooseMethod_CircularOverrideWithoutPeriod_NamesTheSetting()
    {
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["amount"] = new(DriftMethod.Kuiper) } };
        var error = Assert.Throws<ArgumentException>(() => ColumnDriftCalculator.ChooseMethod("amount", ColumnKind.Numeric, 10, options));
        Assert.Contains("columns.amount.period", error.Message);
    }

    [Fact]
    public void ChooseMethod_ForcedKsOnCyclicColumn_TakesKuiper() =>
        Assert.Equal(DriftMethod.Kuiper, ColumnDriftCalculator.ChooseMethod("hour", ColumnKind.Numeric, 10, new DriftOptions { ForcedMethod = DriftMethod.Ks }));

    [Fact]
    public void Params_PeriodAndText_AreRead()
    {
        var options = DriftOptionsParams.Read(new Dictionary<string, string>
        {
            ["columns.minute_of_day.period"] = "1440", ["columns.note.text"] = "true", ["text_threshold"] = "0.2",
        }, "monitor.drift.");

        Assert.Equal(1440, options.PeriodOf("minute_of_day"));
        Assert.True(options.Columns["note"].Text);
        Assert.Equal(0.2, options.DefaultThreshold(DriftMethod.Text));
        Assert.Equal(24, options.PeriodOf("hour"));
        Assert.Null(options.PeriodOf("amount"));
    }
}
