using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Planning;

public sealed class OutputClashTests
{
    [Fact]
    public void Create_SameOutputInTwoTargets_NamesBothTargets()
    {
        TargetSpec[] targets = [new("Train") { Outputs = ["models/model.bin"] }, new("Retrain") { Outputs = ["./models//model.bin"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, ["Train"]));

        Assert.Equal("Targets 'Train' and 'Retrain' both declare the output 'models/model.bin'; an output belongs to exactly one target.", error.Message);
    }

    [Fact]
    public void Create_OutputInsideOtherOutput_NamesBothTargetsAndPaths()
    {
        TargetSpec[] targets = [new("Evaluate") { Metrics = ["models/metrics.json"] }, new("Train") { Outputs = ["models"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Output 'models/metrics.json' of target 'Evaluate' is inside output 'models' of target 'Train'; outputs must not overlap.", error.Message);
    }

    [Fact]
    public void Create_NestedOutputsInOneTarget_Throws()
    {
        TargetSpec[] targets = [new("Train") { Outputs = ["models"], Plots = ["models/roc.json"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Target 'Train' declares the output 'models/roc.json' inside its own output 'models'; declare only one of them.", error.Message);
    }

    [Fact]
    public void Create_InputEqualsOwnOutput_Throws()
    {
        TargetSpec[] targets = [new("Clean") { Inputs = ["data/rows.csv"], Outputs = ["data/rows.csv"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Target 'Clean' declares 'data/rows.csv' as both an input and an output.", error.Message);
    }

    [Fact]
    public void Create_SiblingOutputsWithCommonPrefix_NoClash()
    {
        TargetSpec[] targets = [new("A") { Outputs = ["data"] }, new("B") { Outputs = ["data-2", "data.csv"] }];

        Assert.Equal(["A"], PlanAssert.Names(PlanAssert.Plan(targets, ["A"])));
    }

    [Theory]
    [InlineData("../outside.csv")]
    [InlineData("/abs/path.csv")]
    [InlineData("./")]
    public void Create_OutputOutsideRoot_Throws(string output)
    {
        TargetSpec[] targets = [new("Train") { Outputs = [output] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.StartsWith($"Target 'Train' declares an invalid output path '{output}': ", error.Message);
    }

    [Theory]
    [InlineData("dvc.lock")]
    [InlineData("params.yaml")]
    [InlineData(".dvc/cache")]
    [InlineData(".git/hooks/pre-commit")]
    public void Create_OutputIsAPipelineFile_Throws(string output)
    {
        TargetSpec[] targets = [new("Train") { Outputs = [output] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.StartsWith($"Target 'Train' declares an invalid output path '{output}': ", error.Message);
        Assert.Contains("pipeline's own files", error.Message);
    }

    [Fact]
    public void Create_OutputWithWildcard_Throws()
    {
        TargetSpec[] targets = [new("Train") { Outputs = ["models/*.bin"] }];

        var error = Assert.Throws<PipelineDefinitionException>(() => PlanAssert.Plan(targets, []));

        Assert.Equal("Target 'Train' declares the output 'models/*.bin' with a wildcard; outputs must be plain paths.", error.Message);
    }
}
