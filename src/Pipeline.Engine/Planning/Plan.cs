namespace Pipeline.Engine.Planning;

/// <summary>An immutable execution plan: targets in a valid topological order (dependencies first).</summary>
internal sealed record Plan(IReadOnlyList<PlannedTarget> Targets)
{
    public PlannedTarget? Find(string name) => Targets.FirstOrDefault(t => t.Name == name);
}

/// <summary>
/// One target in a plan. <see cref="WaitsFor"/> lists the planned targets that must finish first
/// (execution dependencies, ordering edges and edges inferred from inputs and outputs);
/// <see cref="SkipReason"/> is set when <c>--skip</c> removed it from execution.
/// </summary>
internal sealed record PlannedTarget(TargetSpec Spec, IReadOnlyList<string> WaitsFor, bool Invoked, string? SkipReason = null)
{
    public string Name => Spec.Name;
}
