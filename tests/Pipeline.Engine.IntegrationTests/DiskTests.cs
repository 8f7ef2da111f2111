using Pipeline.Engine.Tests.Execution;

namespace Pipeline.Engine.IntegrationTests;

/// <summary>A full disk and a read-only workspace through the real CLI: one clear line, the summary, nothing lost.</summary>
[Collection(TemplateCollection.Name)]
public sealed class DiskTests(TemplateRepository template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();
    private readonly List<IDisposable> _mounts = [];

    public void Dispose()
    {
        foreach (var mount in Enumerable.Reverse(_mounts)) mount.Dispose();
        _repo.Dispose();
    }

    [MountFact]
    public void Build_DiskFullDuringRestore_OneClearLineAndTheSummaryStateKept()
    {
        _mounts.Add(new TmpfsMount("64k", Directory.CreateDirectory(_repo.PathOf("out")).FullName));
        _repo.Write("input/raw.txt", new string('x', 40 * 1024));
        Assert.True(_repo.Run("Prepare").ExitCode == 0);
        var lockBefore = _repo.Read("dvc.lock");
        File.Delete(_repo.PathOf("out/prepared.txt"));
        File.WriteAllBytes(_repo.PathOf("out/filler"), new byte[40 * 1024]);

        var result = _repo.Run("Prepare");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ERR: could not restore out/prepared.txt from the cache: no space left on device", result.Stdout);
        Assert.Matches(@"Prepare\s+failed\s+.*// could not restore out/prepared.txt from the cache: no space left on device", result.Stdout);
        Assert.Contains("Build failed", result.Stdout);
        Assert.DoesNotContain("   at ", result.Output);
        Assert.Equal(lockBefore, _repo.Read("dvc.lock"));
        Assert.False(File.Exists(_repo.PathOf("out/prepared.txt")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_repo.PathOf("out")), e => e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [MountFact]
    public void Build_ReadOnlyWorkspace_SaysReadOnlyNotAnotherRun()
    {
        Assert.True(_repo.Run("Prepare").ExitCode == 0);
        _repo.Write("input/raw.txt", "changed\n");
        _mounts.Add(new ReadOnlyBindMount(_repo.Root));

        var result = _repo.Run("Prepare");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Another run holds", result.Stderr);
        Assert.Contains("Cannot take the repository lock: read-only file system", result.Stderr);
    }
}
