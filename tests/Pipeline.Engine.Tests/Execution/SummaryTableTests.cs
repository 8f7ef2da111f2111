using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public sealed class SummaryTableTests
{
    [Fact]
    public void Render_MixedResults_NukeLayout()
    {
        TargetResult[] results =
        [
            new("Ingest", TargetStatus.Executed, TimeSpan.FromMilliseconds(1500), "never ran") { Notes = [new("rows", "120")] },
            new("Train", TargetStatus.Skipped, TimeSpan.FromMilliseconds(30), "up to date"),
            new("Evaluate", TargetStatus.Failed, TimeSpan.FromMilliseconds(200), "boom"),
            new("Report", TargetStatus.NotRun, TimeSpan.Zero, "Evaluate failed"),
            new("Deploy", TargetStatus.Restored, TimeSpan.FromSeconds(125), "restored from cache: x"),
            new("Notify", TargetStatus.Skipped, TimeSpan.Zero, "OnlyWhen: IsCi"),
        ];

        var expected = string.Join('\n',
            new string('═', 41),
            "Target             Status        Duration",
            new string('─', 41),
            "Ingest             executed          0:01   // never ran, rows: 120",
            "Train              up to date",
            "Evaluate           failed          < 1sec   // boom",
            "Report             not run                  // Evaluate failed",
            "Deploy             restored          2:05   // restored from cache: x",
            "Notify             skipped                  // OnlyWhen: IsCi",
            new string('─', 41),
            "Total                                2:06",
            new string('═', 41));
        Assert.Equal(expected, SummaryTable.Render(results).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Render_UpToDateWithNotes_ShowsOnlyNotes()
    {
        TargetResult[] results = [new("Train", TargetStatus.Skipped, TimeSpan.Zero, "up to date") { Notes = [new("auc", "0.9")] }];

        var row = SummaryTable.Render(results).ReplaceLineEndings("\n").Split('\n')[3];

        Assert.Equal("Train              up to date               // auc: 0.9", row);
    }

    [Fact]
    public void Render_LongName_WidensNameColumn()
    {
        TargetResult[] results = [new("AVeryLongTargetNameHere", TargetStatus.Executed, TimeSpan.FromSeconds(2), "never ran")];

        var lines = SummaryTable.Render(results).ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(new string('═', 27 + 22), lines[0]);
        Assert.Equal("AVeryLongTargetNameHere    executed          0:02   // never ran", lines[3]);
    }

    [Theory]
    [InlineData(0, "< 1sec")]
    [InlineData(999, "< 1sec")]
    [InlineData(1000, "0:01")]
    [InlineData(59_999, "0:59")]
    [InlineData(61_000, "1:01")]
    [InlineData(3_725_000, "62:05")]
    public void Format_Duration_MinutesAndSeconds(int milliseconds, string expected) =>
        Assert.Equal(expected, SummaryTable.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
