using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>Turns target specs and a request into a plan. Pure: no I/O, same input gives the same plan.</summary>
internal static class Planner
{
    /// <summary>Throws <see cref="PipelineDefinitionException"/> for cycles and output clashes, <see cref="UsageException"/> for unknown targets.</summary>
    public static Plan Create(IReadOnlyList<TargetSpec> targets, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(request);
        // NOTE: the definition is validated as a whole before the request is looked at, like NUKE's cycle
        // check: a broken pipeline fails whatever target is asked for.
        var graph = GraphBuilder.Build(targets);
        CycleDetector.ThrowIfCyclic(graph);
        var roots = PlanScope.Roots(graph, request);
        var planned = PlanScope.Reachable(graph, roots);
        var skipReasons = SkipResolver.Resolve(graph, planned, roots, request.Skip);
        var invoked = new bool[graph.Count];
        foreach (var root in roots) invoked[root] = true;
        var plan = new List<PlannedTarget>();
        foreach (var i in TopologicalOrder.Of(graph, planned))
        {
            var waitsFor = graph.WaitsFor(i).Where(j => planned[j]).Select(j => targets[j].Name).ToArray();
            plan.Add(new PlannedTarget(targets[i], waitsFor, invoked[i], skipReasons[i]));
        }
        return new Plan(plan);
    }
}
