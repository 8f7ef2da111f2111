using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class NameMatcherTests
{
    private static readonly TargetSpec[] Pipeline =
    [
        new("Ingest"),
        new("Validate") { DependsOn = ["Ingest"] },
        new("Train") { DependsOn = ["Validate"] },
    ];

    [Theory]
    [InlineData("Train")]
    [InlineData("train")]
    [InlineData("TRAIN")]
    [InlineData("tra-in")]
    [InlineData("-t-r-a-i-n-")]
    public void Create_NameDiffersInCaseOrDashes_MatchesTarget(string typed)
    {
        var plan = PlanAssert.Plan(Pipeline, [typed]);

        Assert.Equal(["Ingest", "Validate", "Train"], PlanAssert.Names(plan));
        Assert.True(PlanAssert.Get(plan, "Train").Invoked);
    }

    [Fact]
    public void Create_Typo_SuggestsClosestTarget()
    {
        var error = Assert.Throws<UsageException>(() => PlanAssert.Plan(Pipeline, ["Trian"]));

        Assert.Equal("Target 'Trian' not found. Did you mean 'Train'? Known targets: Ingest, Validate, Train.", error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void Create_NothingClose_OmitsSuggestion()
    {
        var error = Assert.Throws<UsageException>(() => PlanAssert.Plan(Pipeline, ["Deploy"]));

        Assert.Equal("Target 'Deploy' not found. Known targets: Ingest, Validate, Train.", error.Message);
    }

    [Fact]
    public void Create_MissingLetter_SuggestsTarget()
    {
        var error = Assert.Throws<UsageException>(() => PlanAssert.Plan(Pipeline, ["Valdate"]));

        Assert.Equal("Target 'Valdate' not found. Did you mean 'Validate'? Known targets: Ingest, Validate, Train.", error.Message);
    }

    [Fact]
    public void Create_UnknownSkipName_ThrowsUsageWithSuggestion()
    {
        var error = Assert.Throws<UsageException>(() => PlanAssert.Plan(Pipeline, ["Train"], ["Ingset"]));

        Assert.Equal("Skipped target 'Ingset' not found. Did you mean 'Ingest'? Known targets: Ingest, Validate, Train.", error.Message);
    }

    [Fact]
    public void Create_UnknownNameInDependsOn_NamesBothTargets()
    {
        TargetSpec[] targets = [new("Ingest"), new("Train") { DependsOn = ["Ingets"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, ["Ingest"]));

        Assert.Equal("Target 'Train' names unknown target 'Ingets' in DependsOn. Did you mean 'Ingest'? Known targets: Ingest, Train.", error.Message);
    }

    [Fact]
    public void Create_UnknownNameInTriggeredBy_NamesVerb()
    {
        TargetSpec[] targets = [new("Ingest"), new("Report") { TriggeredBy = ["Publish"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Target 'Report' names unknown target 'Publish' in TriggeredBy. Known targets: Ingest, Report.", error.Message);
    }

    [Fact]
    public void Create_NamesEqualIgnoringCaseAndDashes_Throws()
    {
        TargetSpec[] targets = [new("Train"), new("tra-in")];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Targets 'Train' and 'tra-in' have the same name when case and dashes are ignored; rename one of them.", error.Message);
    }

    [Fact]
    public void Create_EdgeNamesIgnoreCaseAndDashes_ResolveTargets()
    {
        TargetSpec[] targets = [new("IngestData"), new("Train") { DependsOn = ["ingest-data"] }];

        var plan = PlanAssert.Plan(targets, ["train"]);

        Assert.Equal(["IngestData", "Train"], PlanAssert.Names(plan));
    }

    [Theory]
    [InlineData("Train", "Train", 0)]
    [InlineData("TRIAN", "TRAIN", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void EditDistance_Pairs_CountsEdits(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));
}
