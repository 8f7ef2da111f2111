using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>Builds the <see cref="TargetGraph"/> over all targets from declared edges and edges inferred from paths.</summary>
internal static class GraphBuilder
{
    /// <summary>Throws <see cref="PipelineDefinitionException"/> for duplicate or unknown names, bad paths and overlapping outputs.</summary>
    public static TargetGraph Build(IReadOnlyList<TargetSpec> specs)
    {
        var graph = new TargetGraph(specs, new NameMatcher(specs));
        for (var i = 0; i < specs.Count; i++) AddDeclaredEdges(graph, i);
        InferredEdges.Add(graph);
        graph.Seal();
        return graph;
    }

    private static void AddDeclaredEdges(TargetGraph graph, int target)
    {
        var spec = graph.Specs[target];
        foreach (var name in spec.DependsOn) graph.AddEdge(target, Find(graph, spec, name, "DependsOn"), EdgeKind.Execution);
        foreach (var name in spec.DependentFor) graph.AddEdge(Find(graph, spec, name, "DependentFor"), target, EdgeKind.Execution);
        foreach (var name in spec.After) graph.AddEdge(target, Find(graph, spec, name, "After"), EdgeKind.Ordering);
        foreach (var name in spec.Before) graph.AddEdge(Find(graph, spec, name, "Before"), target, EdgeKind.Ordering);
        foreach (var name in spec.Triggers) graph.AddEdge(Find(graph, spec, name, "Triggers"), target, EdgeKind.Trigger);
        foreach (var name in spec.TriggeredBy) graph.AddEdge(target, Find(graph, spec, name, "TriggeredBy"), EdgeKind.Trigger);
    }

    private static int Find(TargetGraph graph, TargetSpec spec, string name, string verb) =>
        graph.Names.TryFind(name, out var index)
            ? index
            : throw new PipelineDefinitionException(
                $"Target '{spec.Name}' names unknown target '{name}' in {verb}. {graph.Names.DidYouMean(name)}{graph.Names.KnownTargets}");
}
