using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Tests.Definition;

public sealed class PlanPreviewTests
{
    [Fact]
    public void Order_NamedDefinitions_DependenciesAndInferredEdgesFirst()
    {
        Target ingest = _ => _.Outputs("data/raw.csv").Executes(() => { });
        Target featurize = _ => _.Inputs("data/raw.csv").Outputs("data/features").Executes(() => { });
        Target train = _ => _.DependsOn(featurize).Inputs("data/features").Outputs("models/model.zip").Executes(() => { });
        Target report = _ => _.After(train).Executes(() => { });
        var preview = new PlanPreview([
            KeyValuePair.Create("Report", report), KeyValuePair.Create("Train", train),
            KeyValuePair.Create("Featurize", featurize), KeyValuePair.Create("Ingest", ingest),
        ]);

        // NOTE: Featurize reads what Ingest writes, so the inferred edge plans Ingest too; After only orders.
        Assert.Equal(["Ingest", "Featurize", "Train"], preview.Order(["Train"]));
        Assert.Equal(["Ingest", "Featurize", "Train", "Report"], preview.Order(["Report", "Train"]));
        Assert.Equal(["Report"], preview.Order(["Report"]));
    }

    [Fact]
    public void New_TargetDefinedTwice_NamesIt()
    {
        Target a = _ => _.Executes(() => { });

        var error = Assert.Throws<PipelineDefinitionException>(() => new PlanPreview([KeyValuePair.Create("A", a), KeyValuePair.Create("A", a)]));

        Assert.Equal("Target 'A' is defined twice. Give each target one name.", error.Message);
    }

    [Fact]
    public void New_ReferenceToATargetNotGiven_NamesTheReferrer()
    {
        Target elsewhere = _ => _.Executes(() => { });
        Target a = _ => _.DependsOn(elsewhere).Executes(() => { });

        var error = Assert.Throws<PipelineDefinitionException>(() => new PlanPreview([KeyValuePair.Create("A", a)]));

        Assert.Contains("Target 'A' refers to a target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_UnknownTarget_IsAUsageError()
    {
        Target a = _ => _.Executes(() => { });

        Assert.Throws<UsageException>(() => new PlanPreview([KeyValuePair.Create("A", a)]).Order(["B"]));
    }
}
