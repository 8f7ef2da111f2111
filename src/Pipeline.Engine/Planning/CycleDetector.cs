using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>
/// Finds cycles over all targets and every edge kind with Tarjan's strongly connected components,
/// and spells the shortest cycle through the earliest-declared target that lies on one.
/// </summary>
internal static class CycleDetector
{
    /// <summary>Throws <see cref="PipelineDefinitionException"/>: <c>Circular dependency between targets: A -> B -> A</c>, arrows pointing at what a target waits for.</summary>
    public static void ThrowIfCyclic(TargetGraph graph)
    {
        var component = StronglyConnectedComponents(graph);
        var size = new int[graph.Count];
        foreach (var c in component) size[c]++;
        for (var start = 0; start < graph.Count; start++)
        {
            if (size[component[start]] > 1 || graph.WaitsFor(start).Contains(start))
            {
                var names = ShortestCycle(graph, start, component).Select(i => graph.Specs[i].Name);
                throw new PipelineDefinitionException($"Circular dependency between targets: {string.Join(" -> ", names)}");
            }
        }
    }

    /// <summary>Tarjan's algorithm without recursion (deep chains must not overflow the stack); returns a component id per target.</summary>
    private static int[] StronglyConnectedComponents(TargetGraph graph)
    {
        var n = graph.Count;
        var order = new int[n];
        var low = new int[n];
        var component = new int[n];
        var nextEdge = new int[n];
        var onStack = new bool[n];
        Array.Fill(order, -1);
        var stack = new Stack<int>();
        var calls = new Stack<int>();
        int counter = 0, components = 0;
        for (var root = 0; root < n; root++)
        {
            if (order[root] >= 0) continue;
            Visit(root);
            while (calls.Count > 0)
            {
                var node = calls.Peek();
                var edges = graph.WaitsFor(node);
                if (nextEdge[node] < edges.Count)
                {
                    var next = edges[nextEdge[node]++];
                    if (order[next] < 0) Visit(next);
                    else if (onStack[next]) low[node] = Math.Min(low[node], order[next]);
                    continue;
                }
                calls.Pop();
                if (calls.Count > 0) low[calls.Peek()] = Math.Min(low[calls.Peek()], low[node]);
                if (low[node] != order[node]) continue;
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component[member] = components;
                }
                while (member != node);
                components++;
            }
        }
        return component;

        void Visit(int node)
        {
            order[node] = low[node] = counter++;
            stack.Push(node);
            onStack[node] = true;
            calls.Push(node);
        }
    }

    /// <summary>Breadth-first search inside the component from <paramref name="start"/> back to itself; neighbours in declaration order.</summary>
    private static List<int> ShortestCycle(TargetGraph graph, int start, int[] component)
    {
        var parent = new Dictionary<int, int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in graph.WaitsFor(node))
            {
                if (next == start) return Path(node);
                if (component[next] != component[start] || !parent.TryAdd(next, node)) continue;
                queue.Enqueue(next);
            }
        }
        throw new InvalidOperationException("A strongly connected component without a cycle through its member.");

        List<int> Path(int last)
        {
            var path = new List<int> { start };
            for (var node = last; node != start; node = parent[node]) path.Insert(1, node);
            path.Add(start);
            return path;
        }
    }
}
