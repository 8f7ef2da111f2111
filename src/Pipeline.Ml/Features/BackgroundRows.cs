using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// Hands rows to worker threads in batches of <see cref="CsvRowBlocks.RowsFor"/> rows, so that a pass which reads and
/// writes rows overlaps with what is computed from them (Featurize's split pass and its train summary). The reader
/// appends each row straight into <see cref="Block"/> (no string per field); a row kept with <see cref="Keep"/> goes to
/// the workers, a row removed from the block does not. Each batch is summarised on whichever worker takes it (given its
/// first row's index among the rows kept), and what the summary returns is then run one batch at a time in batch order:
/// the results are the same as summarising and merging each batch in order on one thread.
/// </summary>
internal sealed class BackgroundRows : IDisposable
{
    private readonly BlockingCollection<(CsvRows Rows, long First, long Sequence)> batches;
    private readonly ConcurrentQueue<CsvRows> spare = new();
    private readonly Task[] consumers;
    private readonly int batchSize;
    private readonly SortedDictionary<long, Action> pending = [];
    private readonly Lock gate = new();
    private long kept;
    private long sequence;
    private long nextMerge;
    private bool merging;
    private Exception? failure;

    /// <summary>
    /// Starts <paramref name="workers"/> threads that call <paramref name="summarise"/> for each batch of rows kept (with the
    /// index of its first row) and run the merges it returns in batch order; rows have <paramref name="width"/> fields.
    /// At most two batches per worker are queued besides the one being filled.
    /// </summary>
    public BackgroundRows(Func<CsvRows, long, Action> summarise, int width, int workers)
    {
        batchSize = CsvRowBlocks.RowsFor(width);
        batches = new(boundedCapacity: 2 * Math.Max(1, workers));
        consumers = [.. Enumerable.Range(0, Math.Max(1, workers)).Select(_ =>
            Task.Factory.StartNew(() => Consume(summarise), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
    }

    /// <summary>The batch being filled: append a row, then <see cref="Keep"/> it or remove it; changes after <see cref="Keep"/>.</summary>
    public CsvRows Block { get; private set; } = new();

    /// <summary>Keeps the rows appended to <see cref="Block"/> so far; queues the batch once it is full.</summary>
    public void Keep()
    {
        if (Block.Count >= batchSize) Flush();
    }

    /// <summary>Waits until every row kept has been summarised and merged; rethrows the first exception a worker threw.</summary>
    public void Complete()
    {
        Flush();
        batches.CompleteAdding();
        Task.WaitAll(consumers);
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Stops the threads (after the rows already queued) and releases the queue.</summary>
    public void Dispose()
    {
        if (!batches.IsAddingCompleted) batches.CompleteAdding();
        Task.WaitAll(consumers);
        batches.Dispose();
    }

    private void Flush()
    {
        if (Block.Count == 0) return;
        batches.Add((Block, kept, sequence++));
        kept += Block.Count;
        Block = spare.TryDequeue(out var reused) ? reused : new CsvRows();
    }

    // NOTE: after a failure the threads keep draining the queue (without handling rows), so Keep never blocks on a full
    // queue; Complete rethrows the failure. A handled batch is cleared and reused (its buffers stay allocated).
    private void Consume(Func<CsvRows, long, Action> summarise)
    {
        foreach (var (rows, first, number) in batches.GetConsumingEnumerable())
        {
            Action? merge = null;
            if (Volatile.Read(ref failure) is null)
            {
                try
                {
                    merge = summarise(rows, first);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            }
            rows.Clear();
            spare.Enqueue(rows);
            Merged(number, merge ?? (() => { }));
        }
    }

    // NOTE: a finished batch's merge waits in `pending` until every earlier one has run; whichever thread finds the next
    // one ready runs the merges in order (one thread at a time), so the others go on summarising.
    private void Merged(long number, Action merge)
    {
        lock (gate)
        {
            pending[number] = merge;
            if (merging) return;
            merging = true;
        }
        while (true)
        {
            Action? next;
            lock (gate)
            {
                if (!pending.Remove(nextMerge, out next)) { merging = false; return; }
                nextMerge++;
            }
            if (Volatile.Read(ref failure) is not null) continue;
            try
            {
                next();
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
    }
}
