namespace Pipeline.Engine.Planning;

/// <summary>Orders planned targets so each comes after everything it waits for; ties go to the earliest-declared target.</summary>
internal static class TopologicalOrder
{
    /// <summary>Kahn's algorithm over the planned subgraph; the graph must be acyclic (see <see cref="CycleDetector"/>).</summary>
    public static List<int> Of(TargetGraph graph, bool[] planned)
    {
        var waiting = new int[graph.Count];
        var waiters = new List<int>?[graph.Count];
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < graph.Count; i++)
        {
            if (!planned[i]) continue;
            foreach (var awaited in graph.WaitsFor(i))
            {
                if (!planned[awaited]) continue;
                waiting[i]++;
                (waiters[awaited] ??= []).Add(i);
            }
            if (waiting[i] == 0) ready.Enqueue(i, i);
        }
        var order = new List<int>();
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var waiter in waiters[next] ?? [])
            {
                if (--waiting[waiter] == 0) ready.Enqueue(waiter, waiter);
            }
        }
        return order;
    }
}
