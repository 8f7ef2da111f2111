namespace Pipeline.Serving.Logging;

/// <summary>
/// Room in the prediction log's queue, counted in rows: a request takes room for all its rows at once (so a batch is
/// logged whole or not at all), waiting in arrival order while the queue is full; the writer gives room back once a
/// batch is in the database. A request larger than the whole capacity gets in when the queue is empty.
/// </summary>
internal sealed class LogRoom(int capacity)
{
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> waiters = new();
    private int used;

    /// <summary>Rows taken and not yet given back (queued or being written).</summary>
    public int Used
    {
        get
        {
            lock (gate)
            {
                return used;
            }
        }
    }

    /// <summary>Requests waiting for room now.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiters.Count;
            }
        }
    }

    /// <summary>Takes room for <paramref name="rows"/> if there is some now and nobody waits before; never waits.</summary>
    public bool TryTake(int rows)
    {
        lock (gate)
        {
            if (waiters.Count > 0 || !Fits(rows))
            {
                return false;
            }

            used += rows;
            return true;
        }
    }

    /// <summary>
    /// Takes room for <paramref name="rows"/>, waiting at most <paramref name="timeout"/> behind earlier requests;
    /// false when the time ran out (nothing taken). <paramref name="waited"/> is called once if the request has to wait.
    /// </summary>
    public async Task<bool> TakeAsync(int rows, TimeSpan timeout, Action waited, CancellationToken cancel)
    {
        Waiter waiter;
        lock (gate)
        {
            if (waiters.Count == 0 && Fits(rows))
            {
                used += rows;
                return true;
            }

            waiter = new Waiter(rows);
            waiter.Node = waiters.AddLast(waiter);
        }

        waited();
        try
        {
            await waiter.Granted.Task.WaitAsync(timeout, cancel);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (gate)
            {
                if (!waiter.Granted.Task.IsCompleted)
                {
                    waiters.Remove(waiter.Node!);
                    GrantWaiters();
                    cancel.ThrowIfCancellationRequested();
                    return false;
                }
            }

            // NOTE: granted in the same moment the wait ended: the room is ours, so use it rather than leak it.
            return true;
        }
    }

    /// <summary>Gives back room for <paramref name="rows"/> written (or abandoned) and lets waiting requests in.</summary>
    public void Give(int rows)
    {
        lock (gate)
        {
            used -= rows;
            GrantWaiters();
        }
    }

    private bool Fits(int rows) => used == 0 || used + rows <= capacity;

    private void GrantWaiters()
    {
        while (waiters.First is { } first && Fits(first.Value.Rows))
        {
            used += first.Value.Rows;
            waiters.RemoveFirst();
            first.Value.Granted.TrySetResult();
        }
    }

    private sealed class Waiter(int rows)
    {
        public int Rows => rows;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
