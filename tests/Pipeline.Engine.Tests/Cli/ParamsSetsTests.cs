using Pipeline.Engine.Cli;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Tests.Cli;

public sealed class ParamsSetsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pe-cli-");

    private string ParamsFile => Path.Combine(_dir.FullName, "params.yaml");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Write_Set_EditsParamsFileKeepingOtherLines()
    {
        File.WriteAllText(ParamsFile, "# tuned\ntrain:\n  lr: 0.1\n  epochs: 3\n");

        ParamsSets.Write(new Pipeline.Engine.Execution.RepositoryLayout(_dir.FullName), CommandLine.Parse(["--set", "train.lr=0.2", "--set", "train.epochs=5"]));

        Assert.Equal("# tuned\ntrain:\n  lr: 0.2\n  epochs: 5\n", File.ReadAllText(ParamsFile));
    }

    [Fact]
    public void Write_NoSet_LeavesFileUntouched()
    {
        File.WriteAllText(ParamsFile, "train:\n  lr:   0.1\n");

        ParamsSets.Write(new Pipeline.Engine.Execution.RepositoryLayout(_dir.FullName), CommandLine.Parse(["--force"]));

        Assert.Equal("train:\n  lr:   0.1\n", File.ReadAllText(ParamsFile));
    }

    [Fact]
    public void ApplyInMemory_Set_ReturnsNewValuesWithoutWriting()
    {
        File.WriteAllText(ParamsFile, "train:\n  lr: 0.1\n");

        var parameters = ParamsSets.ApplyInMemory(ParamsFile, CommandLine.Parse(["--set", "train.lr=0.3"]));

        Assert.True(parameters.TryGet("train.lr", out var value));
        Assert.Equal(0.3, value);
        Assert.Equal("train:\n  lr: 0.1\n", File.ReadAllText(ParamsFile));
    }

    [Theory]
    [InlineData("train.lr")]
    [InlineData("=0.2")]
    public void Write_PairWithoutKeyOrEquals_IsUsageError(string pair)
    {
        File.WriteAllText(ParamsFile, "train:\n  lr: 0.1\n");

        var e = Assert.Throws<UsageException>(() => ParamsSets.Write(new Pipeline.Engine.Execution.RepositoryLayout(_dir.FullName), CommandLine.Parse(["--set", pair])));

        Assert.Equal($"--set takes key=value (e.g. --set train.learning_rate=0.05), got '{pair}'.", e.Message);
        Assert.Equal("train:\n  lr: 0.1\n", File.ReadAllText(ParamsFile));
    }
}
