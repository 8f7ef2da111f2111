using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Definition;

/// <summary>Everything read from a build class: target specs in declaration order and their behaviours.</summary>
internal sealed record BuildModel(IReadOnlyList<TargetSpec> Specs, IReadOnlyDictionary<string, TargetBehavior> Behaviors)
{
    public TargetSpec Spec(string name) => Specs.First(s => s.Name == name);
}
