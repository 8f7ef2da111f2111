using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class PlannerOrderingTests
{
    [Fact]
    public void Create_NothingInvoked_PlansDefaultTargetsAsInvoked()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { DependsOn = ["Ingest"], IsDefault = true }, new("Report")];

        var plan = PlanAssert.Plan(targets, []);

        Assert.Equal(["Ingest", "Train"], PlanAssert.Names(plan));
        Assert.True(PlanAssert.Get(plan, "Train").Invoked);
        Assert.False(PlanAssert.Get(plan, "Ingest").Invoked);
    }

    [Fact]
    public void Create_NothingInvokedAndNoDefault_ReturnsEmptyPlan()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { DependsOn = ["Ingest"] }];

        Assert.Empty(PlanAssert.Plan(targets, []).Targets);
        Assert.Empty(PlanAssert.Plan([], []).Targets);
    }

    [Fact]
    public void Create_InvokedGiven_IgnoresDefaults()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { IsDefault = true }];

        Assert.Equal(["Ingest"], PlanAssert.Names(PlanAssert.Plan(targets, ["Ingest"])));
    }

    [Fact]
    public void Create_DependsOnChain_OrdersDependenciesFirst()
    {
        TargetSpec[] targets =
        [
            new("Train") { DependsOn = ["Validate"] },
            new("Validate") { DependsOn = ["Ingest"] },
            new("Ingest"),
            new("Unrelated"),
        ];

        var plan = PlanAssert.Plan(targets, ["Train"]);

        Assert.Equal(["Ingest", "Validate", "Train"], PlanAssert.Names(plan));
        Assert.Equal(["Validate"], PlanAssert.Get(plan, "Train").WaitsFor);
        Assert.Empty(PlanAssert.Get(plan, "Ingest").WaitsFor);
    }

    [Fact]
    public void Create_DependentFor_PullsInAndRunsFirst()
    {
        TargetSpec[] targets = [new("Train"), new("Restore") { DependentFor = ["Train"] }];

        var plan = PlanAssert.Plan(targets, ["Train"]);

        Assert.Equal(["Restore", "Train"], PlanAssert.Names(plan));
        Assert.Equal(["Restore"], PlanAssert.Get(plan, "Train").WaitsFor);
    }

    [Fact]
    public void Create_AfterAndBefore_OrderWithoutPullingIn()
    {
        TargetSpec[] targets =
        [
            new("Train") { After = ["Clean"] },
            new("Clean"),
            new("Report") { Before = ["Train"] },
        ];

        Assert.Equal(["Train"], PlanAssert.Names(PlanAssert.Plan(targets, ["Train"])));

        var both = PlanAssert.Plan(targets, ["Train", "Clean", "Report"]);
        Assert.Equal(["Clean", "Report", "Train"], PlanAssert.Names(both));
        Assert.Equal(["Clean", "Report"], PlanAssert.Get(both, "Train").WaitsFor);
    }

    [Fact]
    public void Create_Triggers_PullsInAfterTrigger()
    {
        TargetSpec[] targets = [new("Notify"), new("Train") { Triggers = ["Notify"] }];

        var plan = PlanAssert.Plan(targets, ["Train"]);

        Assert.Equal(["Train", "Notify"], PlanAssert.Names(plan));
        Assert.Equal(["Train"], PlanAssert.Get(plan, "Notify").WaitsFor);
        Assert.False(PlanAssert.Get(plan, "Notify").Invoked);
    }

    [Fact]
    public void Create_TriggerChainWithDependencies_ReachesFixpoint()
    {
        TargetSpec[] targets =
        [
            new("Train") { Triggers = ["Evaluate"] },
            new("Evaluate") { DependsOn = ["LoadHoldout"] },
            new("LoadHoldout"),
            new("Publish") { TriggeredBy = ["Evaluate"] },
            new("Notify") { TriggeredBy = ["Publish"] },
            new("Other"),
        ];

        var plan = PlanAssert.Plan(targets, ["Train"]);

        Assert.Equal(["Train", "LoadHoldout", "Evaluate", "Publish", "Notify"], PlanAssert.Names(plan));
        Assert.Equal(["Train", "LoadHoldout"], PlanAssert.Get(plan, "Evaluate").WaitsFor);
        Assert.Equal(["Publish"], PlanAssert.Get(plan, "Notify").WaitsFor);
    }

    [Fact]
    public void Create_CollectiveTarget_PlannedLikeAnyOther()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train"), new("All") { DependsOn = ["Train", "Ingest"], HasActions = false }];

        var plan = PlanAssert.Plan(targets, ["All"]);

        Assert.Equal(["Ingest", "Train", "All"], PlanAssert.Names(plan));
        Assert.Equal(["Ingest", "Train"], PlanAssert.Get(plan, "All").WaitsFor);
    }

    [Fact]
    public void Create_UnrelatedTargets_KeepDeclarationOrder()
    {
        TargetSpec[] targets = [new("C"), new("A"), new("B"), new("All") { DependsOn = ["B", "A", "C"] }];

        var plan = PlanAssert.Plan(targets, ["All"]);

        Assert.Equal(["C", "A", "B", "All"], PlanAssert.Names(plan));
        Assert.Equal(["C", "A", "B"], PlanAssert.Get(plan, "All").WaitsFor);
    }

    [Fact]
    public void Create_SameInputTwice_GivesEqualPlans()
    {
        TargetSpec[] targets =
        [
            new("Report") { DependsOn = ["Evaluate"], Inputs = ["metrics/*.json"] },
            new("Evaluate") { DependsOn = ["Train"], Metrics = ["metrics/eval.json"] },
            new("Train") { After = ["Lint"], Outputs = ["models/model.bin"] },
            new("Lint"),
        ];

        var first = PlanAssert.Plan(targets, ["Report", "Lint"]);
        var second = PlanAssert.Plan(targets, ["Report", "Lint"]);

        Assert.Equal(PlanAssert.Names(first), PlanAssert.Names(second));
        Assert.Equal(first.Targets.Select(t => string.Join(",", t.WaitsFor)), second.Targets.Select(t => string.Join(",", t.WaitsFor)));
        Assert.Equal(["Lint", "Train", "Evaluate", "Report"], PlanAssert.Names(first));
    }

    [Fact]
    public void Create_InvokedTwiceUnderDifferentSpellings_PlansOnce()
    {
        TargetSpec[] targets = [new("Train")];

        Assert.Equal(["Train"], PlanAssert.Names(PlanAssert.Plan(targets, ["Train", "train"])));
    }
}
