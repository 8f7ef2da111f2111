using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Execution;

public sealed class TrackCommandTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _output.Dispose();
        _repo.Dispose();
    }

    private int Track(params string[] paths) =>
        TrackCommand.Run(_repo.Layout, new PathHasher(StateCache.InMemory(), 1), paths, new RunConsole(_output, prefixTargets: false));

    [Fact]
    public void Run_FileInside_WritesDvcFileAndIgnoresIt()
    {
        _repo.Write("data/foo.txt", "foo");

        Assert.Equal(0, Track("data/foo.txt"));

        Assert.Equal("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo.txt\n", _repo.Read("data/foo.txt.dvc"));
        Assert.Equal("/foo.txt\n", _repo.Read("data/.gitignore"));
    }

    [Fact]
    public void Run_ParentRelativePath_RefusedAsOutsideInsteadOfTrackingTheRepositorysOwnFile()
    {
        _repo.Write("foo.txt", "mine");

        var e = Assert.Throws<UsageException>(() => Track("../foo.txt"));

        Assert.Contains("'../foo.txt' is outside the repository", e.Message);
        Assert.False(File.Exists(_repo.PathOf("foo.txt.dvc")));
        Assert.False(File.Exists(_repo.PathOf(".gitignore")));
    }

    [Fact]
    public void Run_AbsolutePathOutside_SaysOutsideNotMissing()
    {
        var e = Assert.Throws<UsageException>(() => Track("/etc/hosts"));

        Assert.Contains("'/etc/hosts' is outside the repository", e.Message);
        Assert.DoesNotContain("does not exist", e.Message);
    }

    [Theory]
    [InlineData("dvc.lock")]
    [InlineData("params.yaml")]
    [InlineData(".dvc/config")]
    [InlineData(".git/config")]
    public void Run_PipelineFile_RefusedAndNotGitIgnored(string path)
    {
        _repo.Write(path, "x: 1\n");

        var e = Assert.Throws<UsageException>(() => Track(path));

        Assert.Contains($"'{path}' is one of the pipeline's own files", e.Message);
        Assert.False(File.Exists(_repo.PathOf(path + ".dvc")));
        Assert.False(File.Exists(_repo.PathOf(".gitignore")));
        var ignore = Path.Combine(Path.GetDirectoryName(_repo.PathOf(path))!, ".gitignore");
        Assert.DoesNotContain("/" + Path.GetFileName(path), File.Exists(ignore) ? File.ReadAllLines(ignore) : []);
    }

    [Fact]
    public void Run_ThroughSymlinkLeavingTheRepository_RefusedAndWritesNothingThere()
    {
        var outside = Directory.CreateTempSubdirectory("pe-track-victim-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "file.txt"), "victim");
            Directory.CreateSymbolicLink(_repo.PathOf("link"), outside.FullName);

            var e = Assert.Throws<UsageException>(() => Track("link/file.txt"));

            Assert.Contains("outside the repository", e.Message);
            Assert.Equal(["file.txt"], Directory.GetFileSystemEntries(outside.FullName).Select(Path.GetFileName));
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }
}
