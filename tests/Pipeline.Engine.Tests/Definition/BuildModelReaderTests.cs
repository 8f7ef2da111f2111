using Pipeline.Engine.Definition;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Tests.Definition;

public sealed class BuildModelReaderTests
{
    private static BuildModel Read(ModelBuild? build = null) => BuildModelReader.Read(build ?? new ModelBuild(), ["Train"]);

    [Fact]
    public void Read_TargetNames_ArePropertyNamesDerivedFirstThenInherited()
    {
        Assert.Equal(["Ingest", "Train", "Report", "Publish", "All", "Clean"], Read().Specs.Select(s => s.Name));
    }

    [Fact]
    public void Read_Edges_ResolvedToNamesByDelegateIdentity()
    {
        var model = Read();

        Assert.Equal(["Ingest"], model.Spec("Train").DependsOn);
        Assert.Equal(["Clean"], model.Spec("Train").After);
        Assert.Equal(["All"], model.Spec("Report").DependentFor);
        Assert.Equal(["Clean"], model.Spec("Report").Before);
        Assert.Equal(["Train"], model.Spec("Report").TriggeredBy);
        Assert.Equal(["Report"], model.Spec("Publish").Triggers);
        Assert.Equal(["Train", "Clean"], model.Spec("All").DependsOn);
    }

    [Fact]
    public void Read_PathsParamsAndFlags_Copied()
    {
        var model = Read();
        var ingest = model.Spec("Ingest");
        var train = model.Spec("Train");

        Assert.Equal("Reads raw data", ingest.Description);
        Assert.Equal(["data/raw"], ingest.Inputs);
        Assert.Equal(["data/clean"], ingest.Outputs);
        Assert.True(ingest.AlwaysRun);
        Assert.False(ingest.ProceedAfterFailure);
        Assert.Equal(["train", "train.lr"], train.Params);
        Assert.Equal(["models/model.zip"], train.Outputs);
        Assert.Equal(["metrics.json"], train.Metrics);
        Assert.Equal(["plots"], train.Plots);
        Assert.True(train.ProceedAfterFailure);
        Assert.False(train.AlwaysRun);
    }

    [Fact]
    public void Read_CollectiveTarget_HasNoActions()
    {
        var model = Read();

        Assert.False(model.Spec("All").HasActions);
        Assert.All(model.Specs.Where(s => s.Name != "All"), s => Assert.True(s.HasActions, s.Name));
    }

    [Fact]
    public void Read_DefaultTargets_MarkedIsDefault()
    {
        var model = Read();

        Assert.Equal(["Train"], model.Specs.Where(s => s.IsDefault).Select(s => s.Name));
    }

    [Fact]
    public void Read_Conditions_KeepSourceTextAndEvaluateLive()
    {
        var build = new ModelBuild { IsReady = false };
        var behavior = Read(build).Behaviors["Train"];

        Assert.Equal("() => IsReady", Assert.Single(behavior.OnlyWhen).Text);
        Assert.Equal("() => Threads > 0", Assert.Single(behavior.Requires).Text);
        Assert.False(behavior.OnlyWhen[0].Evaluate());
        build.IsReady = true;
        Assert.True(behavior.OnlyWhen[0].Evaluate());
    }

    [Fact]
    public void Read_ActionMethods_RecordedInOrder()
    {
        var model = Read();

        var train = model.Behaviors["Train"];
        Assert.Equal(2, train.Actions.Count);
        Assert.Equal("Fit", train.ActionMethods[0].Name);
        Assert.Contains("Train", train.ActionMethods[1].Name, StringComparison.Ordinal);
        Assert.Equal("Render", Assert.Single(model.Behaviors["Report"].ActionMethods).Name);
        Assert.Empty(model.Behaviors["All"].Actions);
    }

    [Fact]
    public void Read_StrayTargetReference_IsDefinitionError()
    {
        var e = Assert.Throws<PipelineDefinitionException>(() => BuildModelReader.Read(new StrayReferenceBuild(), []));

        Assert.Equal("Target 'Only' refers to a target that is not a Target property of the build class.", e.Message);
    }
}
