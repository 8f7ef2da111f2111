using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Tests.Hashing;

namespace Pipeline.Engine.Tests.Execution;

public sealed class InputResolverTests : IDisposable
{
    private readonly TempTree _tree = new();

    public InputResolverTests()
    {
        foreach (var path in new[]
        {
            "data/b.csv", "data/a.csv", "data/a.txt", "data/x1.csv", "data/x12.csv",
            "data/sub/c.csv", "data/sub/deep/d.csv", "data/out/o.csv",
            "data/.git/g.csv", "data/.dvc/v.csv", "data/.nuke/n.csv", ".git/top.csv",
        })
        {
            _tree.Write(path, path);
        }
    }

    public void Dispose() => _tree.Dispose();

    private IReadOnlyList<string> Resolve(string pattern, params string[] excluded) => new InputResolver(_tree.Root).Resolve(pattern, excluded);

    [Fact]
    public void Resolve_PlainPath_ReturnedAsIsEvenWhenMissing()
    {
        Assert.Equal(["data/missing.csv"], Resolve("data/missing.csv"));
        Assert.Equal(["data/sub"], Resolve("./data/sub/"));
    }

    [Fact]
    public void Resolve_Star_MatchesWithinOneSegmentSorted() =>
        Assert.Equal(["data/a.csv", "data/b.csv", "data/x1.csv", "data/x12.csv"], Resolve("data/*.csv"));

    [Fact]
    public void Resolve_QuestionMark_MatchesOneCharacter() =>
        Assert.Equal(["data/x1.csv"], Resolve("data/x?.csv"));

    [Fact]
    public void Resolve_DoubleStar_MatchesAnyDepthSkippingToolDirectories() =>
        Assert.Equal(
            ["data/a.csv", "data/b.csv", "data/out/o.csv", "data/sub/c.csv", "data/sub/deep/d.csv", "data/x1.csv", "data/x12.csv"],
            Resolve("data/**/*.csv"));

    [Fact]
    public void Resolve_LeadingDoubleStar_WalksFromRootSkippingToolDirectories() =>
        Assert.Equal(["data/sub/deep/d.csv"], Resolve("**/d.csv").Concat(Resolve("**/top.csv")).Concat(Resolve("**/n.csv")));

    [Fact]
    public void Resolve_OwnOutputs_Excluded() =>
        Assert.Equal(["data/a.csv", "data/sub/c.csv", "data/x1.csv", "data/x12.csv"], Resolve("data/**/*.csv", "data/out", "data/b.csv", "data/sub/deep"));

    [Fact]
    public void Resolve_MissingGlobBase_Empty() =>
        Assert.Empty(Resolve("nothing/*.csv"));

    [Fact]
    public void ResolveAll_SpecInputs_DistinctSortedWithoutOwnOutputs()
    {
        var spec = new TargetSpec("T") { Inputs = ["data/*.csv", "data/a.csv", "data/a.txt"], Outputs = ["data/x12.csv"], Metrics = ["data/x1.csv"] };

        var resolved = new InputResolver(_tree.Root).ResolveAll(spec);

        Assert.Equal(["data/a.csv", "data/a.txt", "data/b.csv"], resolved);
    }

    [Fact]
    public void Resolve_DotDirectoryInput_KeepsTheDot()
    {
        _tree.Write(".github/workflows/ci.yml", "on: push");

        Assert.Equal([".github/workflows/ci.yml"], Resolve(".github/workflows/ci.yml"));
        Assert.Equal([".github/workflows/ci.yml"], Resolve(".github/**/*.yml"));
    }
}
