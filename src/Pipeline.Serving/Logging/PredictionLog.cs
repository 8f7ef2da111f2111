using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Serving.Logging;

/// <summary>
/// The bounded asynchronous prediction log. A request's rows enter whole through <see cref="AddAsync"/>: when the
/// queue is full the request waits for room (back-pressure), and after <see cref="WaitLimit"/> it is refused, so a
/// client is never told 200 for a prediction that is not recorded. One background writer inserts batches (one
/// transaction each) into the <see cref="PredictionStore"/>; a batch the database refuses (e.g. a held write lock) is
/// retried, never discarded, while the host runs. On shutdown it drains after the server has finished its in-flight
/// requests (<see cref="StoppedAsync"/>), and reports what it could not write.
/// </summary>
internal sealed partial class PredictionLog(PredictionStore store, int capacity, TimeSpan waitLimit, ILogger<PredictionLog> logger) : IHostedLifecycleService, IDisposable
{
    private const int BatchSize = 2048;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private readonly LogRoom room = new(capacity);
    private readonly Channel<PredictionRecord[]> queue = Channel.CreateUnbounded<PredictionRecord[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource abandon = new();

    private Task writer = Task.CompletedTask;
    private long dropped;
    private long refused;
    private long failed;
    private long written;
    private long retries;
    private int overloaded;
    private int refusedWarned;

    /// <summary>Rows waiting to be written (queued or in the batch being written).</summary>
    public int Depth => room.Used;

    /// <summary>The queue's capacity in rows.</summary>
    public int Capacity => capacity;

    /// <summary>How long a request waits for room in a full queue before it is refused.</summary>
    public TimeSpan WaitLimit => waitLimit;

    /// <summary>Shadow records skipped because the queue was full (no client was answered with them).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Requests refused (503 / UNAVAILABLE) because their rows found no room in time.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Records that could not be written before the host stopped.</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Batch writes the store refused and that were retried.</summary>
    public long Retries => Interlocked.Read(ref retries);

    /// <summary>Records written.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>The store the log writes to.</summary>
    public PredictionStore Store => store;

    /// <summary>
    /// Enqueues all of a request's records, waiting up to <see cref="WaitLimit"/> for room; false (counted, and warned
    /// about) when the time ran out and nothing was enqueued.
    /// </summary>
    public async Task<bool> AddAsync(PredictionRecord[] records, CancellationToken cancel)
    {
        if (!await room.TakeAsync(records.Length, waitLimit, Overloaded, cancel))
        {
            Interlocked.Increment(ref refused);
            if (Interlocked.Exchange(ref refusedWarned, 1) == 0)
            {
                LogRefused(logger, records.Length, waitLimit.TotalSeconds, Refused, store.Description);
            }

            return false;
        }

        Enqueue(records);
        return true;
    }

    /// <summary>Enqueues records without waiting (shadow copies); false, and counted as dropped, when the queue is full.</summary>
    public bool TryAdd(PredictionRecord[] records)
    {
        if (!room.TryTake(records.Length))
        {
            Interlocked.Add(ref dropped, records.Length);
            return false;
        }

        Enqueue(records);
        return true;
    }

    /// <summary>Waits until everything enqueued so far is written or failed (tests and admin use).</summary>
    public async Task FlushAsync(CancellationToken cancel)
    {
        while (room.Used > 0)
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
    // run is it safe to close the queue. A store that still refuses writes when the host's shutdown time is up makes
    // the writer give up: what it could not write is counted as failed and reported.
    /// <summary>Releases the writer's cancellation source; the host calls it after <see cref="StoppedAsync"/>.</summary>
    public void Dispose() => abandon.Dispose();

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await using (cancellationToken.Register(abandon.Cancel))
        {
            await writer;
        }

        if (Failed > 0)
        {
            LogLost(logger, Failed, store.Description);
        }

        LogStopped(logger, Written, Refused, Dropped, Failed, store.Description);
    }

    private void Enqueue(PredictionRecord[] records)
    {
        if (!queue.Writer.TryWrite(records))
        {
            // NOTE: only after StoppedAsync; the server has stopped answering by then, so nobody was told 200.
            room.Give(records.Length);
            Interlocked.Add(ref failed, records.Length);
        }
    }

    private void Overloaded()
    {
        if (Interlocked.Exchange(ref overloaded, 1) == 0)
        {
            LogFull(logger, capacity, store.Description, waitLimit.TotalSeconds);
        }
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PredictionRecord>(BatchSize);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && queue.Reader.TryRead(out var records))
            {
                batch.AddRange(records);
            }

            await WriteAsync(batch);
            room.Give(batch.Count);
            batch.Clear();
            if (room.Waiting == 0 && room.Used < capacity / 2 && Interlocked.Exchange(ref overloaded, 0) == 1)
            {
                Interlocked.Exchange(ref refusedWarned, 0);
                LogRecovered(logger, store.Description, Refused);
            }
        }
    }

    private async Task WriteAsync(List<PredictionRecord> batch)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                await store.InsertAsync(batch, CancellationToken.None);
                Interlocked.Add(ref written, batch.Count);
                return;
            }
            // NOTE: whatever the store throws, the batch is kept and retried: a writer that died would leave every later
            // request waiting for room that never comes, with nothing in the log saying why.
            catch (Exception e)
            {
                if (abandon.IsCancellationRequested)
                {
                    Interlocked.Add(ref failed, batch.Count);
                    LogWriteFailed(logger, e, batch.Count, store.Description);
                    return;
                }

                Interlocked.Increment(ref retries);
                LogWriteRetried(logger, batch.Count, store.Description, delay.TotalSeconds, e.Message);
            }

            try
            {
                await Task.Delay(delay, abandon.Token);
            }
            catch (OperationCanceledException)
            {
                // NOTE: shutdown time is up: one last attempt, then the batch counts as failed.
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Prediction log: {Count} records could not be written to {Store} before the host stopped")]
    private static partial void LogWriteFailed(ILogger logger, Exception error, int count, string store);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Prediction log stopped: {Written} written, {Refused} requests refused (log full), {Dropped} shadow records skipped, {Failed} failed, in {Store}")]
    private static partial void LogStopped(ILogger logger, long written, long refused, long dropped, long failed, string store);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Prediction log full ({Capacity} rows waiting for {Store}): requests now wait for room, and are refused with 503 after {Seconds} s")]
    private static partial void LogFull(ILogger logger, int capacity, string store, double seconds);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Prediction log: a request of {Rows} rows was refused (503, not recorded) after waiting {Seconds} s for room; {Total} refused so far (more are counted, not logged, until the log catches up); writing to {Store}")]
    private static partial void LogRefused(ILogger logger, int rows, double seconds, long total, string store);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "Prediction log caught up with {Store}; {Refused} requests refused so far")]
    private static partial void LogRecovered(ILogger logger, string store, long refused);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Prediction log: {Count} records not yet written to {Store}, retrying in {Seconds} s: {Reason}")]
    private static partial void LogWriteRetried(ILogger logger, int count, string store, double seconds, string reason);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "Prediction log: {Count} answered predictions were NOT written to {Store}")]
    private static partial void LogLost(ILogger logger, long count, string store);
}
