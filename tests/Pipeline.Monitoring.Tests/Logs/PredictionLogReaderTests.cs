using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Logs;

namespace Pipeline.Monitoring.Tests.Logs;

public sealed class PredictionLogReaderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_LastCount_ReturnsMostRecentOldestFirstWithFeedback()
    {
        using var log = Filled();
        var window = PredictionLogReader.Read(log.Path, new PredictionLogReadOptions { LastCount = 2 });
        Assert.Equal(["r2", "r3"], window.Predictions.Select(p => p.RequestId));
        var last = window.Predictions[1];
        Assert.Equal(Start.AddSeconds(3), last.Time);
        Assert.Equal("true", last.FeedbackLabel);
        Assert.Equal(0.75, last.Probability!.Value, 6);
        Assert.True(last.PredictedLabel);
        Assert.Equal(12.5, last.LatencyMs);
        Assert.Equal("canary", last.Variant);
        Assert.Equal("4", last.ModelVersion);
        Assert.Equal(1, window.LabelledCount);
    }

    [Fact]
    public void Read_TimeRangeAndVariant_FilterRows()
    {
        using var log = Filled();
        var since = PredictionLogReader.Read(log.Path, new PredictionLogReadOptions { LastCount = null, Since = Start.AddSeconds(1), Until = Start.AddSeconds(3) });
        Assert.Equal(["r1", "r2"], since.Predictions.Select(p => p.RequestId));
        var canary = PredictionLogReader.Read(log.Path, new PredictionLogReadOptions { Variant = "canary" });
        Assert.Equal(["r3"], canary.Predictions.Select(p => p.RequestId));
    }

    [Fact]
    public void ToDataset_ReferenceKinds_ConvertsJsonValues()
    {
        using var log = Filled();
        var window = PredictionLogReader.Read(log.Path);
        var reference = new DriftDataset([
            DatasetColumn.Numeric("amount", [1.0]), DatasetColumn.Categorical("device", ["mobile"]), DatasetColumn.Numeric("absent", [1.0]),
        ]);
        var current = window.ToDataset(reference);
        Assert.Equal(["amount", "device"], current.Columns.Select(c => c.Name));
        Assert.Equal([10.0, null, 30.0, 40.0], current.Find("amount")!.Numbers!);
        Assert.Equal(["mobile", "desktop", null, "mobile"], current.Find("device")!.Labels!);
    }

    [Fact]
    public void ToDataset_BooleanReference_OneSpellingForEveryLoggedForm()
    {
        using var log = new PredictionLogFile();
        string[] logged = ["1", "true", "\"no\"", "0.0", "\"maybe\""];
        for (var i = 0; i < logged.Length; i++)
        {
            log.AddPrediction($"r{i}", Start.AddSeconds(i), $$"""{"night":{{logged[i]}}}""", """{"probability":0.1,"label":false}""", 1);
        }

        var reference = new DriftDataset([DatasetColumn.Categorical("night", ["true", "false"], ColumnKind.Boolean)]);
        var night = PredictionLogReader.Read(log.Path).ToDataset(reference).Find("night")!;

        Assert.Equal(ColumnKind.Boolean, night.Kind);
        Assert.Equal(["true", "true", "false", "false", null], night.Labels!);
    }

    [Fact]
    public void Read_MissingFile_NamesThePathAndTheNextCommand()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PredictionLogReader.Read("/nonexistent/predictions.db"));
        Assert.Contains("/nonexistent/predictions.db", error.Message, StringComparison.Ordinal);
        Assert.Contains("Serve", error.Message, StringComparison.Ordinal);
    }

    private static PredictionLogFile Filled()
    {
        var log = new PredictionLogFile();
        log.AddPrediction("r0", Start, """{"amount":10,"device":"mobile"}""", """{"probability":0.1,"label":false}""", 1);
        log.AddPrediction("r1", Start.AddSeconds(1), """{"amount":null,"device":"desktop"}""", """{"probability":0.2,"label":false}""", 2);
        log.AddPrediction("r2", Start.AddSeconds(2), """{"amount":30,"device":null}""", """{"probability":0.6,"label":true}""", 3);
        log.AddPrediction("r3", Start.AddSeconds(3), """{"amount":40,"device":"mobile"}""", """{"probability":0.75,"label":true}""", 12.5, version: "4", variant: "canary");
        log.AddFeedback("r3", Start.AddSeconds(10), "true");
        return log;
    }
}
