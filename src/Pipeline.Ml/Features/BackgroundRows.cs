using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Features;

/// <summary>
/// Hands rows to an action running on a second thread, in batches and in order, so that a pass which reads and writes
/// rows overlaps with what is computed from them (Featurize's split pass and its train summary use two cores). The
/// reader appends each row straight into <see cref="Block"/> (no string per field); a row kept with <see cref="Keep"/>
/// goes to the action, a row removed from the block does not. The action sees the same rows in the same order as
/// direct calls would, a batch at a time (so it can work column by column), and its results do not change.
/// </summary>
internal sealed class BackgroundRows : IDisposable
{
    /// <summary>Fields queued per batch (262,144: 256 rows of 1,024 fields, 26 rows of 10,000).</summary>
    private const int BatchFields = 1 << 18;
    private readonly BlockingCollection<CsvRows> batches = new(boundedCapacity: 4);
    private readonly ConcurrentQueue<CsvRows> spare = new();
    private readonly Task consumer;
    private readonly int batchSize;
    private Exception? failure;

    /// <summary>
    /// Starts the thread that calls <paramref name="action"/> for each batch of rows kept; rows have <paramref name="width"/>
    /// fields, which bounds the rows queued (at most four batches of 262,144 fields besides the one being filled).
    /// </summary>
    public BackgroundRows(Action<CsvRows> action, int width)
    {
        batchSize = Math.Clamp(BatchFields / Math.Max(1, width), 1, 256);
        consumer = Task.Factory.StartNew(() => Consume(action), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The batch being filled: append a row, then <see cref="Keep"/> it or remove it; changes after <see cref="Keep"/>.</summary>
    public CsvRows Block { get; private set; } = new();

    /// <summary>Keeps the rows appended to <see cref="Block"/> so far; queues the batch once it is full.</summary>
    public void Keep()
    {
        if (Block.Count >= batchSize) Flush();
    }

    /// <summary>Waits until every row kept has been handled; rethrows the action's exception, if it threw.</summary>
    public void Complete()
    {
        Flush();
        batches.CompleteAdding();
        consumer.GetAwaiter().GetResult();
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Stops the thread (after the rows already queued) and releases the queue.</summary>
    public void Dispose()
    {
        if (!batches.IsAddingCompleted) batches.CompleteAdding();
        consumer.GetAwaiter().GetResult();
        batches.Dispose();
    }

    private void Flush()
    {
        if (Block.Count == 0) return;
        batches.Add(Block);
        Block = spare.TryDequeue(out var reused) ? reused : new CsvRows();
    }

    // NOTE: after a failure the thread keeps draining the queue (without handling rows), so Keep never blocks on a full
    // queue; Complete rethrows the failure. A handled batch is cleared and reused (its buffers stay allocated).
    private void Consume(Action<CsvRows> action)
    {
        foreach (var rows in batches.GetConsumingEnumerable())
        {
            if (failure is null)
            {
                try
                {
                    action(rows);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }
            rows.Clear();
            spare.Enqueue(rows);
        }
    }
}
