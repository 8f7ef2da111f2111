namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// Follow mode: runs a micro-batch (Ingest and what follows it, as a separate pipeline run), then waits until
/// <see cref="IngestOptions.Interval"/> seconds have passed or <see cref="IngestOptions.TriggerRows"/> entries are
/// waiting, and again, until stopped. Backpressure is the source itself: while a batch runs nothing is read ahead, so
/// new entries wait in the stream or the log files and memory does not grow with them. A stop request ends the wait at
/// once and lets a running batch finish, so the last position committed is the one of the last snapshot.
/// </summary>
public sealed class FollowLoop(IngestOptions options, Func<int> runBatch, Func<long, long> pending, TimeProvider time, Action<string> log)
{
    /// <summary>How often the waiting entries are counted while waiting.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs batches until <paramref name="stop"/>; returns 0, or 2 when a batch reports a usage error (exit 2).</summary>
    public int Run(CancellationToken stop)
    {
        for (var batch = 1; !stop.IsCancellationRequested; batch++)
        {
            var exit = runBatch();
            if (exit == 2)
            {
                log($"Micro-batch {batch} ended with a usage or definition error (exit 2); follow mode stops.");
                return 2;
            }
            if (exit != 0) log($"Micro-batch {batch} failed (exit {exit}); the previous snapshot and position stand, and the next batch reads the same entries.");
            WaitForNext(stop);
        }
        log("Follow mode stopped; the position committed with the last snapshot stands.");
        return 0;
    }

    private void WaitForNext(CancellationToken stop)
    {
        var due = time.GetUtcNow().AddSeconds(options.Interval);
        while (!stop.IsCancellationRequested)
        {
            var left = due - time.GetUtcNow();
            if (left <= TimeSpan.Zero || pending(options.TriggerRows) >= options.TriggerRows) return;
            stop.WaitHandle.WaitOne(left < Poll ? left : Poll);
        }
    }
}
