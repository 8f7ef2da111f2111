using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Planning;

/// <summary>Turns target specs and a request into a plan. Pure: no I/O, same input gives the same plan.</summary>
internal static class Planner
{
    /// <summary>Throws <see cref="PipelineDefinitionException"/> for cycles and output clashes, <see cref="UsageException"/> for unknown targets.</summary>
    public static Plan Create(IReadOnlyList<TargetSpec> targets, PlanRequest request) => throw new NotImplementedException("STUB: helper D");
}
