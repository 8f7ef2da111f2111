using Pipeline.Engine.Definition;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Tests.Definition;

public sealed class LockFreeAndOptionalInputTests
{
    private sealed class ServerBuild : PipelineBuild
    {
        Target Serve => _ => _.NoRepositoryLock().AlwaysRun().Executes(() => { });
        Target Validate => _ => _.Inputs("data/raw.csv").OptionalInputs("data/schema.yaml").Outputs("data/valid.csv").Executes(() => { });
    }

    private sealed class BadBuild : PipelineBuild
    {
        Target Serve => _ => _.NoRepositoryLock().Outputs("out.txt").Executes(() => { });
    }

    [Fact]
    public void Read_NoRepositoryLock_MarksTheSpecUnlocked()
    {
        var model = BuildModelReader.Read(new ServerBuild(), []);

        Assert.True(model.Spec("Serve").Unlocked);
        Assert.False(model.Spec("Validate").Unlocked);
    }

    [Fact]
    public void Read_NoRepositoryLockWithOutputs_IsDefinitionErrorNamingTheTarget()
    {
        var e = Assert.Throws<PipelineDefinitionException>(() => BuildModelReader.Read(new BadBuild(), []));

        Assert.Contains("'Serve' declares outputs", e.Message);
    }

    [Fact]
    public void Read_OptionalInputs_AreInputsAndListedAsOptional()
    {
        var spec = BuildModelReader.Read(new ServerBuild(), []).Spec("Validate");

        Assert.Equal(["data/raw.csv", "data/schema.yaml"], spec.Inputs);
        Assert.Equal(["data/schema.yaml"], spec.OptionalInputs);
    }
}
