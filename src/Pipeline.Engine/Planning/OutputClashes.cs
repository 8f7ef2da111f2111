using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>
/// Rejects overlapping outputs over all targets (planned or not), as DVC does: one path declared twice,
/// or one output inside another. Either would make two targets write, cache and restore the same files.
/// </summary>
internal static class OutputClashes
{
    /// <summary>Throws <see cref="PipelineDefinitionException"/> naming both targets and both paths for the first clash in declaration order.</summary>
    public static void ThrowIfAny(IReadOnlyList<TargetSpec> specs, IReadOnlyList<string[]> outputs)
    {
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < specs.Count; i++)
        {
            foreach (var path in outputs[i])
            {
                if (owners.TryAdd(path, i)) continue;
                var first = owners[path];
                throw new PipelineDefinitionException(first == i
                    ? $"Target '{specs[i].Name}' declares the output '{path}' more than once."
                    : $"Targets '{specs[first].Name}' and '{specs[i].Name}' both declare the output '{path}'; an output belongs to exactly one target.");
            }
        }
        for (var i = 0; i < specs.Count; i++)
        {
            foreach (var path in outputs[i])
            {
                foreach (var ancestor in PlanPath.Ancestors(path))
                {
                    if (!owners.TryGetValue(ancestor, out var outer)) continue;
                    throw new PipelineDefinitionException(outer == i
                        ? $"Target '{specs[i].Name}' declares the output '{path}' inside its own output '{ancestor}'; declare only one of them."
                        : $"Output '{path}' of target '{specs[i].Name}' is inside output '{ancestor}' of target '{specs[outer].Name}'; outputs must not overlap.");
                }
            }
        }
    }
}
