namespace Pipeline.Engine.Planning;

/// <summary>
/// Applies NUKE's <c>--skip</c> with the default <c>WhenSkipped(Skip)</c> cascade: named (or, when bare, all
/// non-invoked) targets are skipped, and so are dependencies and triggered targets that only skipped
/// targets pulled in. Invoked targets are never skipped; a target a still-scheduled target needs stays.
/// </summary>
internal static class SkipResolver
{
    /// <summary>The skip reason per declaration index (null = runs), for the targets in <paramref name="planned"/>.</summary>
    public static string?[] Resolve(TargetGraph graph, bool[] planned, IReadOnlyList<int> invoked, IReadOnlyList<string>? skip)
    {
        var reasons = new string?[graph.Count];
        if (skip is null) return reasons;
        var isInvoked = new bool[graph.Count];
        foreach (var i in invoked) isInvoked[i] = true;
        var direct = new bool[graph.Count];
        if (skip.Count == 0)
        {
            for (var i = 0; i < graph.Count; i++) direct[i] = planned[i] && !isInvoked[i];
        }
        foreach (var name in skip)
        {
            var i = graph.Names.Resolve(name, "Skipped target");
            direct[i] = planned[i] && !isInvoked[i];
        }
        // NOTE: a target stays scheduled exactly when an invoked target reaches it without passing a skipped
        // one; reachability (not "all dependents skipped" bookkeeping) keeps shared dependencies and cycles
        // of pull edges (A depends on B, B triggers A) right, where NUKE 8.1 regressed (nuke#1414-1429).
        var scheduled = PlanScope.Reachable(graph, invoked, i => direct[i]);
        var pulledBy = PulledBy(graph, planned);
        for (var i = 0; i < graph.Count; i++)
        {
            if (!planned[i] || scheduled[i]) continue;
            reasons[i] = direct[i] ? "--skip" : $"skipped because of {graph.Specs[pulledBy[i]!.Min()].Name}";
        }
        return reasons;
    }

    /// <summary>For each planned target, the planned targets that pull it in.</summary>
    private static List<int>?[] PulledBy(TargetGraph graph, bool[] planned)
    {
        var pulledBy = new List<int>?[graph.Count];
        for (var i = 0; i < graph.Count; i++)
        {
            if (!planned[i]) continue;
            foreach (var next in graph.Pulls(i)) (pulledBy[next] ??= []).Add(i);
        }
        return pulledBy;
    }
}
