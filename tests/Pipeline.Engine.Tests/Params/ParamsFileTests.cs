using Pipeline.Engine.Failures;
using Pipeline.Engine.Params;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Tests.Params;

public sealed class ParamsFileTests
{
    [Fact]
    public void Load_Absent_Empty()
    {
        var dir = Directory.CreateTempSubdirectory("params-");
        try
        {
            Assert.Equal(0, ParamsFile.Load(Path.Combine(dir.FullName, "params.yaml")).Root.Count);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Load_Malformed_UsageExceptionNamingFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("params-");
        try
        {
            var path = Path.Combine(dir.FullName, "params.yaml");
            File.WriteAllText(path, "train:\n  lr: 0.1\n  bad: [1, 2\n");
            var e = Assert.Throws<UsageException>(() => ParamsFile.Load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("line", e.Message);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void TryGet_SectionDottedKeyAndListIndex_Found()
    {
        var p = ParamsFile.Parse("train:\n  lr: 0.05\n  layers: [64, 32]\nseed: 42\n");
        Assert.True(p.TryGet("train.lr", out var lr));
        Assert.Equal(0.05, lr);
        Assert.True(p.TryGet("train", out var train));
        Assert.IsType<OrderedMap>(train);
        Assert.True(p.TryGet("train.layers.1", out var layer));
        Assert.Equal(32L, layer);
        Assert.True(p.TryGet("seed", out var seed));
        Assert.Equal(42L, seed);
        Assert.False(p.TryGet("train.epochs", out _));
        Assert.False(p.TryGet("seed.x", out _));
    }

    [Fact]
    public void ParseAssignment_KeyValue_SplitsAtFirstEquals() =>
        Assert.Equal(("train.opt", "a=b"), ParamsFile.ParseAssignment("train.opt=a=b"));

    [Theory]
    [InlineData("train.lr")]
    [InlineData("=5")]
    [InlineData("train..lr=5")]
    public void ParseAssignment_Invalid_UsageException(string pair)
    {
        var e = Assert.Throws<UsageException>(() => ParamsFile.ParseAssignment(pair));
        Assert.Contains(pair, e.Message);
        Assert.Contains("key=value", e.Message);
    }
}
