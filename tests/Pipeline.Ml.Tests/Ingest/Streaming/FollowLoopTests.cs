using Pipeline.Ml.Ingest;
using Pipeline.Ml.Ingest.Streaming;

namespace Pipeline.Ml.Tests.Ingest.Streaming;

public sealed class FollowLoopTests
{
    [Fact]
    public void Run_RowTriggerReached_NextBatchWithoutWaitingForTheInterval()
    {
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var loop = new FollowLoop(new IngestOptions { Interval = 3600, TriggerRows = 100 }, () => { if (++batches == 3) stop.Cancel(); return 0; }, limit => limit, TimeProvider.System, _ => { });

        var exit = loop.Run(stop.Token);

        Assert.Equal((0, 3), (exit, batches));
    }

    [Fact]
    public void Run_StoppedWhileWaiting_EndsAfterTheBatchThatRan()
    {
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var lines = new List<string>();
        var loop = new FollowLoop(new IngestOptions { Interval = 3600, TriggerRows = 100 }, () => { batches++; return 0; }, _ => { stop.Cancel(); return 0; }, TimeProvider.System, lines.Add);

        var exit = loop.Run(stop.Token);

        Assert.Equal((0, 1), (exit, batches));
        Assert.Equal(["Follow mode stopped; the position committed with the last snapshot stands."], lines);
    }

    [Fact]
    public void Run_FailedBatch_ReportedAndTheNextOneRuns()
    {
        using var stop = new CancellationTokenSource();
        var exits = new Queue<int>([1, 0]);
        var lines = new List<string>();
        var loop = new FollowLoop(new IngestOptions { Interval = 3600, TriggerRows = 1 }, () => { var e = exits.Dequeue(); if (exits.Count == 0) stop.Cancel(); return e; }, limit => limit, TimeProvider.System, lines.Add);

        loop.Run(stop.Token);

        Assert.StartsWith("Micro-batch 1 failed (exit 1)", lines[0], StringComparison.Ordinal);
        Assert.Empty(exits);
    }

    [Fact]
    public void Run_UsageError_Stops()
    {
        var loop = new FollowLoop(new IngestOptions(), () => 2, limit => limit, TimeProvider.System, _ => { });

        Assert.Equal(2, loop.Run(CancellationToken.None));
    }

    [Fact]
    public void Pending_LogLinesAfterThePosition_CountedUpToTheLimit()
    {
        using var ws = new StreamWorkspace();
        var log = Path.Combine(ws.Root, "logs", "app.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.WriteAllText(log, "{\"n\":1}\n");
        var options = new IngestOptions { Kind = IngestKind.Logs, Path = "logs/app*.jsonl" };
        ws.Ingest(options);
        File.AppendAllText(log, "{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n");

        Assert.Equal((2, 3), (StreamIngestor.Pending(options, ws.Paths, ws.Root, 2), StreamIngestor.Pending(options, ws.Paths, ws.Root, 10)));
    }
}
