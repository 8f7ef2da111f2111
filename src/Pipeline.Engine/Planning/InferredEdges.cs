using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>
/// Derives execution edges from declared paths: a target whose input equals, contains, lies inside or
/// (as a glob) reaches another target's output depends on that producer. Checks output clashes first.
/// </summary>
internal static class InferredEdges
{
    /// <summary>Adds producer edges to <paramref name="graph"/>; a plain input overlapping its own target's output becomes a self-edge (a cycle).</summary>
    public static void Add(TargetGraph graph)
    {
        var specs = graph.Specs;
        var outputs = specs.Select(s => Normalize(s, s.AllOutputs, PlanPath.OutputRole)).ToArray();
        for (var i = 0; i < specs.Count; i++)
        {
            var glob = outputs[i].FirstOrDefault(GlobPattern.IsGlob);
            if (glob is not null)
            {
                throw new PipelineDefinitionException($"Target '{specs[i].Name}' declares the output '{glob}' with a wildcard; outputs must be plain paths.");
            }
        }
        OutputClashes.ThrowIfAny(specs, outputs);
        var index = new OutputIndex(outputs);
        var producers = new List<int>();
        for (var i = 0; i < specs.Count; i++)
        {
            foreach (var input in Normalize(specs[i], specs[i].Inputs, "input"))
            {
                producers.Clear();
                if (GlobPattern.IsGlob(input))
                {
                    index.CollectProducers(new GlobPattern(input), producers);
                    // NOTE: a glob cannot tell a file output from a directory one, so it is matched generously
                    // (data/**/*.csv reaches data/model.bin as if it were a directory); a target's own outputs
                    // are therefore left out of its globs rather than reported as a cycle.
                    producers.RemoveAll(p => p == i);
                }
                else
                {
                    if (index.OwnerOf(input) == i)
                    {
                        throw new PipelineDefinitionException($"Target '{specs[i].Name}' declares '{input}' as both an input and an output.");
                    }
                    index.CollectProducers(input, producers);
                }
                foreach (var producer in producers) graph.AddEdge(i, producer, EdgeKind.Execution);
            }
        }
    }

    private static string[] Normalize(TargetSpec spec, IEnumerable<string> paths, string role) =>
        [.. paths.Select(p => PlanPath.Normalize(p, spec, role))];
}
