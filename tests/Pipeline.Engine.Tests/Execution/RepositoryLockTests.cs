using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Tests.Execution;

public sealed class RepositoryLockTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pe-lock-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string LockFile => Path.Combine(_dir.FullName, "temp", "run.lock");

    [Fact]
    public void Acquire_Free_WritesOwnerNoteAndDisposeRemovesIt()
    {
        using (RepositoryLock.Acquire(LockFile, "pid 1 on host"))
        {
            Assert.Equal("pid 1 on host", File.ReadAllText(LockFile + ".owner"));
        }

        Assert.False(File.Exists(LockFile + ".owner"));
    }

    [Fact]
    public void Acquire_Held_ThrowsNamingOwner()
    {
        using var first = RepositoryLock.Acquire(LockFile, "pid 1 on host, started 2024-01-02 03:04:05Z");

        var e = Assert.Throws<RepositoryStateException>(() => RepositoryLock.Acquire(LockFile, "pid 2"));

        Assert.Equal(
            $"Another run holds the repository lock (pid 1 on host, started 2024-01-02 03:04:05Z). Wait for it to finish, or stop it; " +
            $"the lock ({LockFile}) is released automatically when that process ends.",
            e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Acquire_AfterRelease_Succeeds()
    {
        RepositoryLock.Acquire(LockFile, "first").Dispose();

        using var second = RepositoryLock.Acquire(LockFile, "second");

        Assert.Equal("second", File.ReadAllText(LockFile + ".owner"));
    }

    [MountFact]
    public void Acquire_ReadOnlyFileSystem_SaysReadOnlyNotAnotherRun()
    {
        using var mount = new TmpfsMount();
        Directory.CreateDirectory(Path.Combine(mount.Path, "temp"));
        mount.MakeReadOnly();
        var lockFile = Path.Combine(mount.Path, "temp", "run.lock");

        var e = Assert.Throws<RepositoryStateException>(() => RepositoryLock.Acquire(lockFile, "pid 2"));

        Assert.DoesNotContain("Another run", e.Message);
        Assert.Contains("read-only file system", e.Message);
        Assert.Contains(lockFile, e.Message);
    }

    [MountFact]
    public void Acquire_FullDisk_SaysNoSpaceLeftNotAnotherRun()
    {
        using var mount = new TmpfsMount("64k");
        var lockFile = Path.Combine(mount.Path, "temp", "run.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var filler = mount.Fill();

        var e = Assert.Throws<RepositoryStateException>(() => RepositoryLock.Acquire(lockFile, "pid 2, started at a time long enough to need a block"));

        Assert.DoesNotContain("Another run", e.Message);
        Assert.Contains("no space left on device", e.Message);
        File.Delete(filler);
        using var next = RepositoryLock.Acquire(lockFile, "pid 3");
    }
}

