using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Pipeline.Ml.Features;

/// <summary>
/// Hands rows to an action running on a second thread, in batches and in order, so that a pass which reads and writes
/// rows overlaps with what is computed from them (Featurize's split pass and its train summary use two cores). The
/// action sees the same rows in the same order as direct calls would, a batch at a time (so it can work column by
/// column), and its results do not change.
/// </summary>
internal sealed class BackgroundRows : IDisposable
{
    /// <summary>Fields queued per batch (262,144: 256 rows of 1,024 fields, 26 rows of 10,000).</summary>
    private const int BatchFields = 1 << 18;
    private readonly BlockingCollection<string?[][]> batches = new(boundedCapacity: 4);
    private readonly Task consumer;
    private readonly int batchSize;
    private string?[][] batch;
    private int count;
    private Exception? failure;

    /// <summary>
    /// Starts the thread that calls <paramref name="action"/> for each batch of rows added; rows have <paramref name="width"/>
    /// fields, which bounds the rows queued (at most four batches of 262,144 fields besides the one being filled).
    /// </summary>
    public BackgroundRows(Action<IReadOnlyList<string?[]>> action, int width)
    {
        batchSize = Math.Clamp(BatchFields / Math.Max(1, width), 1, 256);
        batch = new string?[batchSize][];
        consumer = Task.Factory.StartNew(() => Consume(action), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Queues one row (the caller must not reuse the array).</summary>
    public void Add(string?[] row)
    {
        batch[count++] = row;
        if (count == batchSize) Flush();
    }

    /// <summary>Waits until every row added has been handled; rethrows the action's exception, if it threw.</summary>
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
        if (count == 0) return;
        batches.Add(count == batchSize ? batch : batch[..count]);
        batch = new string?[batchSize][];
        count = 0;
    }

    // NOTE: after a failure the thread keeps draining the queue (without handling rows), so Add never blocks on a full
    // queue; Complete rethrows the failure.
    private void Consume(Action<IReadOnlyList<string?[]>> action)
    {
        foreach (var rows in batches.GetConsumingEnumerable())
        {
            if (failure is not null) continue;
            try
            {
                action(rows);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }
    }
}
