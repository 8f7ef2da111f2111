namespace Pipeline.Engine.Planning;

/// <summary>
/// Which targets a request plans: the invoked targets (or the defaults when none are named) plus
/// everything they pull in through execution dependencies and triggers, up to a fixpoint.
/// </summary>
internal static class PlanScope
{
    /// <summary>The roots of a request as declaration indices, in order of first mention; defaults when nothing is invoked.</summary>
    public static List<int> Roots(TargetGraph graph, PlanRequest request)
    {
        var roots = new List<int>();
        foreach (var name in request.Invoked)
        {
            var index = graph.Names.Resolve(name);
            if (!roots.Contains(index)) roots.Add(index);
        }
        if (request.Invoked.Count == 0)
        {
            for (var i = 0; i < graph.Count; i++)
            {
                if (graph.Specs[i].IsDefault) roots.Add(i);
            }
        }
        return roots;
    }

    /// <summary>
    /// Marks every target reachable from <paramref name="roots"/> over pull edges without passing through a
    /// target <paramref name="blocked"/> refuses. A worklist makes trigger chains reach their fixpoint in one pass.
    /// </summary>
    public static bool[] Reachable(TargetGraph graph, IEnumerable<int> roots, Func<int, bool>? blocked = null)
    {
        var reached = new bool[graph.Count];
        var work = new Stack<int>();
        foreach (var root in roots)
        {
            if (reached[root]) continue;
            reached[root] = true;
            work.Push(root);
        }
        while (work.Count > 0)
        {
            foreach (var next in graph.Pulls(work.Pop()))
            {
                if (reached[next] || (blocked?.Invoke(next) ?? false)) continue;
                reached[next] = true;
                work.Push(next);
            }
        }
        return reached;
    }
}
