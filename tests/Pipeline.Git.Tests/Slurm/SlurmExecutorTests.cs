using Pipeline.Engine.Failures;
using Pipeline.Git.Slurm;

namespace Pipeline.Git.Tests.Slurm;

public sealed class SlurmExecutorTests : IDisposable
{
    private readonly TestGitRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Open_NoRemote_OneLineUsageErrorNamingTheFix()
    {
        var settings = new SlurmSettings(null, null, null, TimeSpan.FromMilliseconds(500));

        var e = Assert.Throws<UsageException>(() => SlurmExecutor.Open(_repo.Root, settings, TimeProvider.System));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("dvc remote add -d", e.Message);
        Assert.Contains("--executor local", e.Message);
    }

    [Fact]
    public void SbatchArgs_PartitionAndExtraArgs_InOrder()
    {
        var settings = new SlurmSettings("gpu", "--gres=gpu:1  --time=02:00:00", null, TimeSpan.FromSeconds(1));

        Assert.Equal(["--partition=gpu", "--gres=gpu:1", "--time=02:00:00"], settings.SbatchArgs());
    }

    [Fact]
    public void WorkDirectoryFor_NotSet_UnderTheRepositorysNukeTemp()
    {
        var settings = new SlurmSettings(null, null, null, TimeSpan.FromSeconds(1));

        Assert.Equal(Path.Combine(_repo.Root, ".nuke", "temp", "slurm"), settings.WorkDirectoryFor(_repo.Root));
    }

    [Fact]
    public void WorkDirectoryFor_Relative_ResolvedAgainstTheRepository()
    {
        var settings = new SlurmSettings(null, null, null, TimeSpan.FromSeconds(1)) { WorkDirectory = "../shared/work" };

        Assert.Equal(Path.GetFullPath(Path.Combine(_repo.Root, "..", "shared", "work")), settings.WorkDirectoryFor(_repo.Root));
    }
}
