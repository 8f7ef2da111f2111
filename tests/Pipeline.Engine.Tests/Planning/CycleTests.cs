using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class CycleTests
{
    [Fact]
    public void Create_TwoTargetCycle_SpellsCycleFromFirstDeclared()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { DependsOn = ["Evaluate"] }, new("Evaluate") { DependsOn = ["Train"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, ["Ingest"]));

        Assert.Equal("Circular dependency between targets: Train -> Evaluate -> Train", error.Message);
    }

    [Fact]
    public void Create_ThreeTargetCycleOfMixedEdges_SpellsCycle()
    {
        TargetSpec[] targets =
        [
            new("Ingest") { After = ["Report"] },
            new("Train") { DependsOn = ["Ingest"] },
            new("Report") { TriggeredBy = ["Train"] },
        ];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Circular dependency between targets: Ingest -> Report -> Train -> Ingest", error.Message);
    }

    [Fact]
    public void Create_SelfDependency_IsCycle()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { Before = ["Train"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, ["Ingest"]));

        Assert.Equal("Circular dependency between targets: Train -> Train", error.Message);
    }

    [Fact]
    public void Create_CycleThroughInferredEdges_SpellsCycle()
    {
        TargetSpec[] targets =
        [
            new("Train") { Inputs = ["data/features"], Outputs = ["models/model.bin"] },
            new("Featurize") { Inputs = ["models"], Outputs = ["data/features/x.parquet"] },
        ];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, ["Train"]));

        Assert.Equal("Circular dependency between targets: Train -> Featurize -> Train", error.Message);
    }

    [Fact]
    public void Create_InputDirectoryHoldsOwnOutput_IsSelfCycle()
    {
        TargetSpec[] targets = [new("Train") { Inputs = ["data"], Outputs = ["data/model.bin"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Circular dependency between targets: Train -> Train", error.Message);
    }

    [Fact]
    public void Create_SeveralCycles_ReportsShortestThroughEarliestTarget()
    {
        TargetSpec[] targets =
        [
            new("A") { DependsOn = ["B"] },
            new("B") { DependsOn = ["C", "A"] },
            new("C") { DependsOn = ["A"] },
            new("D") { DependsOn = ["D"] },
        ];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Circular dependency between targets: A -> B -> A", error.Message);
    }

    [Fact]
    public void Create_DeepChain_NoCycleNoStackOverflow()
    {
        var targets = Enumerable.Range(0, 20_000)
            .Select(i => new TargetSpec($"T{i}") { DependsOn = i == 0 ? [] : [$"T{i - 1}"] })
            .ToArray();

        var plan = PlanAssert.Plan(targets, ["T19999"]);

        Assert.Equal(20_000, plan.Targets.Count);
        Assert.Equal("T0", plan.Targets[0].Name);
    }
}
