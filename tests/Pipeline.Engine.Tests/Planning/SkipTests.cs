using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class SkipTests
{
    private static readonly TargetSpec[] Chain =
    [
        new("Ingest"),
        new("Validate") { DependsOn = ["Ingest"] },
        new("Train") { DependsOn = ["Validate"] },
        new("Evaluate") { DependsOn = ["Train"] },
    ];

    /// <summary>Skip reasons in plan order, "runs" for a scheduled target.</summary>
    private static string[] Reasons(Plan plan) => [.. plan.Targets.Select(t => t.SkipReason ?? "runs")];

    [Fact]
    public void Create_NoSkip_NothingSkipped()
    {
        var plan = PlanAssert.Plan(Chain, ["Evaluate"]);

        Assert.All(plan.Targets, t => Assert.Null(t.SkipReason));
    }

    [Fact]
    public void Create_BareSkip_SkipsEverythingNotInvoked()
    {
        var plan = PlanAssert.Plan(Chain, ["Train"], []);

        Assert.Equal(["Ingest", "Validate", "Train"], PlanAssert.Names(plan));
        Assert.Equal(["--skip", "--skip", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_BareSkipWithDefaults_RunsOnlyDefaults()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { DependsOn = ["Ingest"], IsDefault = true }];

        var plan = PlanAssert.Plan(targets, [], []);

        Assert.Equal(["--skip", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_NamedSkip_CascadesToDependenciesOnlyItNeeded()
    {
        var plan = PlanAssert.Plan(Chain, ["Evaluate"], ["Train"]);

        Assert.Equal(["Ingest", "Validate", "Train", "Evaluate"], PlanAssert.Names(plan));
        Assert.Equal(["skipped because of Validate", "skipped because of Train", "--skip", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_NamedSkip_KeepsDependencyAScheduledTargetNeeds()
    {
        TargetSpec[] targets =
        [
            new("Ingest"),
            new("Validate") { DependsOn = ["Ingest"] },
            new("Train") { DependsOn = ["Validate", "Ingest"] },
        ];

        var plan = PlanAssert.Plan(targets, ["Train"], ["Validate"]);

        Assert.Equal(["runs", "--skip", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_NamedSkip_KeepsDependencyNeededThroughAnotherScheduledPath()
    {
        TargetSpec[] targets =
        [
            new("Ingest"),
            new("Validate") { DependsOn = ["Ingest"] },
            new("Featurize") { DependsOn = ["Ingest"] },
            new("Train") { DependsOn = ["Validate", "Featurize"] },
        ];

        var plan = PlanAssert.Plan(targets, ["Train"], ["Validate"]);

        Assert.Equal(["Ingest", "Validate", "Featurize", "Train"], PlanAssert.Names(plan));
        Assert.Equal(["runs", "--skip", "runs", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_SkipInvokedTarget_InvokedStillRuns()
    {
        var plan = PlanAssert.Plan(Chain, ["Validate"], ["validate", "Ingest"]);

        Assert.Equal(["--skip", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_SkipTriggeringTarget_SkipsTriggeredTargets()
    {
        TargetSpec[] targets =
        [
            new("Train") { Triggers = ["Notify"] },
            new("Notify") { DependsOn = ["Render"] },
            new("Render"),
            new("All") { DependsOn = ["Train"], HasActions = false },
        ];

        var plan = PlanAssert.Plan(targets, ["All"], ["Train"]);

        Assert.Equal(["Train", "Render", "Notify", "All"], PlanAssert.Names(plan));
        Assert.Equal(["--skip", "skipped because of Notify", "skipped because of Train", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_SkipTargetOutsidePlan_ChangesNothing()
    {
        var plan = PlanAssert.Plan(Chain, ["Validate"], ["Evaluate"]);

        Assert.Equal(["Ingest", "Validate"], PlanAssert.Names(plan));
        Assert.Equal(["runs", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_SkippedTargets_StayInPlanAndInWaitsFor()
    {
        var plan = PlanAssert.Plan(Chain, ["Evaluate"], ["Train"]);

        Assert.Equal(["Train"], PlanAssert.Get(plan, "Evaluate").WaitsFor);
        Assert.Equal(["Validate"], PlanAssert.Get(plan, "Train").WaitsFor);
    }

    [Fact]
    public void Create_SkipInferredProducer_CascadesToItsProducer()
    {
        TargetSpec[] targets =
        [
            new("Download") { Outputs = ["data/raw"] },
            new("Clean") { Inputs = ["data/raw"], Outputs = ["data/clean"] },
            new("Train") { Inputs = ["data/clean/*.csv"] },
        ];

        var plan = PlanAssert.Plan(targets, ["Train"], ["Clean"]);

        Assert.Equal(["skipped because of Clean", "--skip", "runs"], Reasons(plan));
    }

    [Fact]
    public void Create_DependencyPulledBySkippedAndInvokedTrigger_StaysScheduled()
    {
        TargetSpec[] targets =
        [
            new("Ingest"),
            new("Train") { DependsOn = ["Ingest"] },
            new("Publish") { DependsOn = ["Ingest"], TriggeredBy = ["Train"] },
        ];

        var plan = PlanAssert.Plan(targets, ["Train"], ["Publish"]);

        Assert.Equal(["Ingest", "Train", "Publish"], PlanAssert.Names(plan));
        Assert.Equal(["runs", "runs", "--skip"], Reasons(plan));
    }
}
