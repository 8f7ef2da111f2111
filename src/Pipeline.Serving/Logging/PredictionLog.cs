using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Serving.Logging;

/// <summary>
/// The bounded asynchronous prediction log: requests enqueue without waiting (a full queue drops the record and
/// counts it), one background writer inserts batches into the <see cref="PredictionStore"/>. On shutdown it drains
/// after the server has finished its in-flight requests (<see cref="StoppedAsync"/>), and reports what it could not
/// write.
/// </summary>
internal sealed partial class PredictionLog(PredictionStore store, int capacity, ILogger<PredictionLog> logger) : IHostedLifecycleService
{
    private const int BatchSize = 512;
    private readonly Channel<PredictionRecord> queue = Channel.CreateBounded<PredictionRecord>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Task writer = Task.CompletedTask;
    private long dropped;
    private long failed;
    private long written;
    private long inBatch;

    /// <summary>Records waiting to be written.</summary>
    public int Depth => queue.Reader.Count;

    /// <summary>The queue's capacity.</summary>
    public int Capacity => capacity;

    /// <summary>Records dropped because the queue was full (or the log had stopped).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Records the database refused.</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Records written.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>The store the log writes to.</summary>
    public PredictionStore Store => store;

    /// <summary>Enqueues a record without waiting; false (and counted) when the queue is full.</summary>
    public bool TryAdd(PredictionRecord record)
    {
        if (queue.Writer.TryWrite(record))
        {
            return true;
        }

        Interlocked.Increment(ref dropped);
        return false;
    }

    /// <summary>Waits until everything enqueued so far is written or failed (tests and admin use).</summary>
    public async Task FlushAsync(CancellationToken cancel)
    {
        while (queue.Reader.Count > 0 || Interlocked.Read(ref inBatch) > 0)
        {
            await Task.Delay(10, cancel);
        }
    }

    public async Task StartingAsync(CancellationToken cancellationToken) => await store.CreateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        writer = Task.Run(WriteAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // NOTE: the web server stops (and drains its requests) in its own StopAsync; only after every StopAsync has
    // run is it safe to close the queue without turning late predictions into drops.
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await writer.WaitAsync(cancellationToken);
        LogStopped(logger, Written, Dropped, Failed, store.Description);
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PredictionRecord>(BatchSize);
        while (await queue.Reader.WaitToReadAsync())
        {
            Interlocked.Exchange(ref inBatch, 1);
            while (batch.Count < BatchSize && queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await store.InsertAsync(batch, CancellationToken.None);
                Interlocked.Add(ref written, batch.Count);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                Interlocked.Add(ref failed, batch.Count);
                LogWriteFailed(logger, e, batch.Count, store.Description);
            }

            batch.Clear();
            Interlocked.Exchange(ref inBatch, 0);
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Prediction log: {Count} records could not be written to {Store}")]
    private static partial void LogWriteFailed(ILogger logger, Exception error, int count, string store);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Prediction log stopped: {Written} written, {Dropped} dropped (queue full), {Failed} failed, in {Store}")]
    private static partial void LogStopped(ILogger logger, long written, long dropped, long failed, string store);
}
