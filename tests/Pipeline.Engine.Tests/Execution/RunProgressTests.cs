using Pipeline.Engine.Execution;

namespace Pipeline.Engine.Tests.Execution;

public sealed class RunProgressTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pe-progress-");
    private readonly SteppedClock _clock = new();
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _output.Dispose();
        _dir.Delete(recursive: true);
    }

    private string LiveFile => Path.Combine(_dir.FullName, "live.json");

    [Fact]
    public void PlainMode_TrialsAreOneLineEach_WithBestElapsedAndRemaining()
    {
        var progress = new RunProgress(new RunConsole(_output, prefixTargets: false), _clock, null, interactive: false);
        progress.Begin(["Train"]);
        progress.Started("Train", "never ran");

        _clock.Advance(TimeSpan.FromSeconds(30));
        progress.Report("Train", new TargetProgress(1, 4, "trials") { Best = "auc 0.9000 (FastTree, trial 0)", Step = "trial 0 (rung 0, FastTree): auc 0.9000" });
        _clock.Advance(TimeSpan.FromSeconds(90));
        progress.Report("Train", new TargetProgress(3, 4, "trials") { Fraction = 0.5, Best = "auc 0.9100 (LightGbm, trial 2)", Step = "trial 2 (rung 0, LightGbm): auc 0.9100" });

        Assert.Equal(
            [
                "Train: 1/4 trials (25%) · best auc 0.9000 (FastTree, trial 0) · 30 s elapsed · ~1 min 30 s left",
                "Train: 3/4 trials (50%) · best auc 0.9100 (LightGbm, trial 2) · 2 min 00 s elapsed · ~2 min 00 s left",
            ],
            Lines());
    }

    [Fact]
    public void PlainMode_RowsWithoutSteps_AtMostOneLinePerInterval()
    {
        var progress = new RunProgress(new RunConsole(_output, prefixTargets: false), _clock, null, interactive: false);
        progress.Started("Ingest", "never ran");

        for (var i = 1; i <= 20; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report("Ingest", new TargetProgress(i * 100_000L, null, "rows read"));
        }

        // NOTE: the first report, then one per PlainInterval (5 s): at 1, 6, 11 and 16 s.
        Assert.Equal(
            ["Ingest: 100000 rows read · 1 s elapsed", "Ingest: 600000 rows read · 6 s elapsed", "Ingest: 1100000 rows read · 11 s elapsed", "Ingest: 1600000 rows read · 16 s elapsed"],
            Lines());
    }

    [Fact]
    public void Terminal_RewritesOneLine_AndRedrawsItUnderOtherOutput()
    {
        var console = new RunConsole(_output, prefixTargets: false);
        var progress = new RunProgress(console, _clock, null, interactive: true);
        progress.Started("Train", "never ran");

        _clock.Advance(TimeSpan.FromSeconds(10));
        progress.Report("Train", new TargetProgress(1, 2, "trials"));
        console.Line("a log line");
        _clock.Advance(TimeSpan.FromSeconds(10));
        progress.Report("Train", new TargetProgress(2, 2, "trials"));
        progress.Finished(new TargetResult("Train", TargetStatus.Executed, TimeSpan.FromSeconds(20), "never ran"));
        console.Line("done");

        const string erase = "\r\u001b[K";
        Assert.Equal(
            "Train: 1/2 trials (50%) · 10 s elapsed · ~10 s left" + erase + "a log line\n" + "Train: 1/2 trials (50%) · 10 s elapsed · ~10 s left" +
            erase + "Train: 2/2 trials (100%) · 20 s elapsed" + erase + "done\n",
            _output.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void LiveFile_FollowsTheRun_RoundTripsThroughTheReader_AndGoesAtTheEnd()
    {
        var progress = new RunProgress(new RunConsole(_output, prefixTargets: false), _clock, LiveFile, interactive: false);
        progress.Begin(["Featurize", "Train", "Evaluate"]);
        progress.Finished(new TargetResult("Featurize", TargetStatus.Skipped, TimeSpan.Zero, "up to date"));
        progress.Started("Train", "params changed: train.budget");
        _clock.Advance(TimeSpan.FromSeconds(40));
        progress.Report("Train", new TargetProgress(2, 8, "trials") { Fraction = 0.2, Best = "auc 0.91 (LightGbm, trial 1)", Step = "trial 1 (rung 0, LightGbm): auc 0.91" });

        var live = LiveRun.Read(LiveFile);

        Assert.Equal(Environment.ProcessId, live.ProcessId);
        Assert.Equal(SteppedClock.Start, live.Started);
        Assert.Equal(SteppedClock.Start.AddSeconds(40), live.Updated);
        Assert.Equal(["Featurize", "Train", "Evaluate"], live.Targets.Select(t => t.Target));
        Assert.Equal(["skipped", "running", "pending"], live.Targets.Select(t => t.Status));
        var train = live.Targets[1];
        Assert.Equal(40_000, train.ElapsedMs);
        Assert.Equal("params changed: train.budget", train.Reason);
        Assert.Equal(new LiveProgress(2, 8, "trials", 0.2, "auc 0.91 (LightGbm, trial 1)", 160_000), train.Progress);
        Assert.Equal(["trial 1 (rung 0, LightGbm): auc 0.91"], train.Steps);

        progress.End();
        Assert.False(File.Exists(LiveFile));
    }

    [Fact]
    public void LiveFile_ReportsWithoutAStep_AreThrottled()
    {
        var progress = new RunProgress(new RunConsole(_output, prefixTargets: false), _clock, LiveFile, interactive: false);
        progress.Started("Ingest", "never ran");
        progress.Report("Ingest", new TargetProgress(1, null, "rows read"));
        Assert.Null(LiveRun.Read(LiveFile).Targets[0].Progress);

        _clock.Advance(TimeSpan.FromMilliseconds(1100));
        progress.Report("Ingest", new TargetProgress(2, null, "rows read"));
        Assert.Equal(2, LiveRun.Read(LiveFile).Targets[0].Progress!.Done);

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        progress.Report("Ingest", new TargetProgress(3, null, "rows read"));
        Assert.Equal(2, LiveRun.Read(LiveFile).Targets[0].Progress!.Done);
    }

    private string[] Lines() => _output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A clock that moves only when told: wall time and timestamps advance together.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        private TimeSpan _elapsed;

        public void Advance(TimeSpan by) => _elapsed += by;

        public override DateTimeOffset GetUtcNow() => Start + _elapsed;

        public override long GetTimestamp() => _elapsed.Ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
