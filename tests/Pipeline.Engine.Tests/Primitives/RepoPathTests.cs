using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Tests.Hashing;

namespace Pipeline.Engine.Tests.Primitives;

public sealed class RepoPathTests
{
    [Theory]
    [InlineData(".dvc/config", ".dvc/config")]
    [InlineData("./data//raw/", "data/raw")]
    [InlineData("data/../models/model.zip", "models/model.zip")]
    [InlineData(".github/workflows/ci.yml", ".github/workflows/ci.yml")]
    public void Parse_Relative_ResolvedNotTrimmed(string given, string expected) =>
        Assert.Equal(expected, RepoPath.Parse(given).Value);

    [Theory]
    [InlineData("../x")]
    [InlineData("data/../../x")]
    [InlineData("/etc/hosts")]
    public void Parse_Outside_ThrowsSayingOutside(string given)
    {
        var e = Assert.Throws<FormatException>(() => RepoPath.Parse(given, "/repo"));

        Assert.Contains("outside the repository", e.Message);
    }

    [Theory]
    [InlineData("dvc.lock")]
    [InlineData("dvc.yaml")]
    [InlineData("params.yaml")]
    [InlineData(".dvc/config")]
    [InlineData(".git/HEAD")]
    [InlineData(".nuke/parameters.json")]
    [InlineData("data/raw.csv.dvc")]
    [InlineData("data/.gitignore")]
    [InlineData("vendor/lib/.git/hooks/post-checkout")]
    public void IsPipelineFile_PipelineFiles_True(string path) => Assert.True(RepoPath.Parse(path).IsPipelineFile);

    [Theory]
    [InlineData("data/dvc.lock.csv")]
    [InlineData("data/params.yaml")]
    [InlineData(".github/workflows/ci.yml")]
    [InlineData("models/model.zip")]
    public void IsPipelineFile_DataFiles_False(string path) => Assert.False(RepoPath.Parse(path).IsPipelineFile);

    [Fact]
    public void ResolveInside_SymlinkLeavingTheRepository_ThrowsNamingTheLink()
    {
        using var tree = new TempTree();
        var root = Directory.CreateDirectory(tree.PathOf("repo")).FullName;
        var outside = Directory.CreateDirectory(tree.PathOf("victim")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);

        var e = Assert.Throws<FormatException>(() => RepoPath.Parse("link/file.txt").ResolveInside(root));

        Assert.Contains("'link'", e.Message);
        Assert.Contains("outside the repository", e.Message);
    }

    [Fact]
    public void ResolveInside_SymlinkStayingInside_ReturnsThePathUnderTheRoot()
    {
        using var tree = new TempTree();
        var root = Directory.CreateDirectory(tree.PathOf("repo")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "data", "real"));
        Directory.CreateSymbolicLink(Path.Combine(root, "data", "alias"), "real");

        var resolved = RepoPath.Parse("data/alias/x.csv").ResolveInside(root);

        Assert.Equal(Path.Combine(root, "data", "alias", "x.csv"), resolved);
    }

    [Theory]
    [InlineData("../../../tmp/victim", "outside the repository")]
    [InlineData("/tmp/victim", "absolute")]
    [InlineData("../.git/hooks/post-checkout", "pipeline's own files")]
    public void FromRecorded_HostilePath_RefusedNamingFileAndPath(string recorded, string why)
    {
        var e = Assert.Throws<RepositoryStateException>(() => RepoPath.FromRecorded(recorded, "data", "/repo", "data/raw.csv.dvc"));

        Assert.Contains("data/raw.csv.dvc", e.Message);
        Assert.Contains($"'{recorded}'", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void FromRecorded_RelativeToTheFilesDirectory_Resolved() =>
        Assert.Equal("data/raw.csv", RepoPath.FromRecorded("raw.csv", "data", "/repo", "data/raw.csv.dvc").Value);
}
