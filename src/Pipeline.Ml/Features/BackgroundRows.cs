using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Pipeline.Ml.Features;

/// <summary>
/// Hands rows to an action running on a second thread, in batches and in order, so that a pass which reads and writes
/// rows overlaps with what is computed from them (Featurize's split pass and its train summary use two cores). The
/// action sees the same rows in the same order as a direct call would, so its results do not change.
/// </summary>
internal sealed class BackgroundRows : IDisposable
{
    private const int BatchSize = 256;
    private readonly BlockingCollection<string?[][]> batches = new(boundedCapacity: 16);
    private readonly Task consumer;
    private string?[][] batch = new string?[BatchSize][];
    private int count;
    private Exception? failure;

    /// <summary>Starts the thread that calls <paramref name="action"/> for each row added.</summary>
    public BackgroundRows(Action<string?[]> action) =>
        consumer = Task.Factory.StartNew(() => Consume(action), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Queues one row (the caller must not reuse the array).</summary>
    public void Add(string?[] row)
    {
        batch[count++] = row;
        if (count == BatchSize) Flush();
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
        batches.Add(count == BatchSize ? batch : batch[..count]);
        batch = new string?[BatchSize][];
        count = 0;
    }

    // NOTE: after a failure the thread keeps draining the queue (without handling rows), so Add never blocks on a full
    // queue; Complete rethrows the failure.
    private void Consume(Action<string?[]> action)
    {
        foreach (var rows in batches.GetConsumingEnumerable())
        {
            if (failure is not null) continue;
            try
            {
                foreach (var row in rows) action(row);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }
    }
}
