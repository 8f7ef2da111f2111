using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

/// <summary>Shorthands for planner tests: plan a few specs and read names back.</summary>
internal static class PlanAssert
{
    /// <summary>Plans <paramref name="targets"/> for the invoked names (none = defaults) with an optional --skip.</summary>
    public static Plan Plan(TargetSpec[] targets, string[] invoked, string[]? skip = null) =>
        Planner.Create(targets, new PlanRequest(invoked, skip));

    /// <summary>The planned target names in plan order.</summary>
    public static string[] Names(Plan plan) => [.. plan.Targets.Select(t => t.Name)];

    /// <summary>The planned target of that exact name; fails when missing.</summary>
    public static PlannedTarget Get(Plan plan, string name) =>
        plan.Find(name) ?? throw new Xunit.Sdk.XunitException($"'{name}' is not planned: {string.Join(", ", Names(plan))}");
}
