using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class LargeGraphTests
{
    private static readonly TargetSpec[] Targets = SyntheticPipeline.Build(1000);
    private static readonly string[] LastLayer =
        [.. Enumerable.Range(0, SyntheticPipeline.Width).Select(k => SyntheticPipeline.Name(1000 / SyntheticPipeline.Width - 1, k))];

    [Fact]
    public void Create_ThousandTargets_PlansEveryAncestorInValidOrder()
    {
        var plan = Planner.Create(Targets, new PlanRequest(LastLayer));

        Assert.Equal(1000, plan.Targets.Count);
        var position = plan.Targets.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i);
        foreach (var target in plan.Targets)
        {
            Assert.All(target.WaitsFor, w => Assert.True(position[w] < position[target.Name], $"{target.Name} runs before {w}"));
            Assert.All(target.Spec.DependsOn, d => Assert.Contains(d, target.WaitsFor));
        }
    }

    [Fact]
    public void Create_ThousandTargets_InfersFileAndGlobEdges()
    {
        var plan = Planner.Create(Targets, new PlanRequest(LastLayer));

        // NOTE: T04's glob t2* reaches only t2 in a 20-wide layer; T00's glob t1* reaches t1 and t10..t19.
        Assert.Equal(["L047_T04", "L048_T02", "L048_T04", "L048_T05", "L048_T07", "L048_T11"], PlanAssert.Get(plan, "L049_T04").WaitsFor);
        Assert.Equal(
            ["L047_T00", "L048_T00", "L048_T01", "L048_T03", "L048_T07", "L048_T10", "L048_T11", "L048_T12", "L048_T13",
             "L048_T14", "L048_T15", "L048_T16", "L048_T17", "L048_T18", "L048_T19"],
            PlanAssert.Get(plan, "L049_T00").WaitsFor);
    }

    [Fact]
    public void Create_ThousandTargets_Deterministic()
    {
        var first = Planner.Create(Targets, new PlanRequest(LastLayer));
        var second = Planner.Create(SyntheticPipeline.Build(1000), new PlanRequest(LastLayer));

        Assert.Equal(PlanAssert.Names(first), PlanAssert.Names(second));
    }

    [Fact]
    public void Create_ThousandTargetsWithNamedSkip_CascadesOnlyWhereUnneeded()
    {
        var plan = Planner.Create(Targets, new PlanRequest([SyntheticPipeline.Name(49, 0)], [SyntheticPipeline.Name(48, 0)]));

        Assert.Equal("--skip", PlanAssert.Get(plan, "L048_T00").SkipReason);
        Assert.Null(PlanAssert.Get(plan, "L049_T00").SkipReason);
        // NOTE: L048_T13 (still scheduled) also depends on L047_T00, so the skip must not cascade to it.
        Assert.Null(PlanAssert.Get(plan, "L048_T13").SkipReason);
        Assert.Null(PlanAssert.Get(plan, "L047_T00").SkipReason);
    }
}
