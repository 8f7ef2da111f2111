using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>Full disks and staging on another file system: a clear failure, never a truncated output or a crash.</summary>
public sealed class DiskFailureTests : IDisposable
{
    private const int OutputBytes = 40 * 1024;
    private readonly TempRepository _repo = new();
    private readonly List<TmpfsMount> _mounts = [];

    public void Dispose()
    {
        foreach (var mount in Enumerable.Reverse(_mounts)) mount.Dispose();
        _repo.Dispose();
    }

    private TmpfsMount Mount(string size, string? at = null)
    {
        var mount = new TmpfsMount(size, at);
        _mounts.Add(mount);
        return mount;
    }

    private void StageOnAnotherFileSystem() => Directory.CreateSymbolicLink(_repo.Layout.TempDirectory, Mount("8m").Path);

    private void OutputsOnASmallFileSystem() => Mount("64k", Directory.CreateDirectory(_repo.PathOf("out")).FullName);

    private static Func<ITargetContext, Task> WritesBlob(string output, Func<(char Fill, int Bytes)> content) =>
        ctx => File.WriteAllTextAsync(ctx.Output(output), new string(content().Fill, content().Bytes));

    [MountFact]
    public async Task Run_StagingOnAnotherFileSystem_PromotesFileAndDirectoryOutputs()
    {
        StageOnAnotherFileSystem();
        _repo.Add(new TargetSpec("Split") { Outputs = ["out/parts", "out/model.bin"] }, async ctx =>
        {
            await File.WriteAllTextAsync(ctx.Output("out/parts/a.csv"), "a,1\n");
            await File.WriteAllTextAsync(ctx.Output("out/model.bin"), "weights");
        });

        var results = await _repo.RunAsync(["Split"]);

        Assert.Equal(TargetStatus.Executed, results[0].Status);
        Assert.Equal("a,1\n", _repo.Read("out/parts/a.csv"));
        Assert.Equal("weights", _repo.Read("out/model.bin"));
        Assert.False(Directory.Exists(Path.Combine(_repo.Layout.StagingDirectory, "Split")));
        Assert.Equal(["model.bin", "parts"], Directory.GetFileSystemEntries(_repo.PathOf("out")).Select(Path.GetFileName).Where(n => n != ".gitignore").Order(StringComparer.Ordinal));
    }

    [MountFact]
    public async Task Run_DiskFullWhileMovingAcrossFileSystems_KeepsThePreviousOutputWhole()
    {
        StageOnAnotherFileSystem();
        OutputsOnASmallFileSystem();
        var content = ('a', OutputBytes);
        _repo.Write("in.txt", "1");
        _repo.Add(new TargetSpec("Train") { Inputs = ["in.txt"], Outputs = ["out/model.bin"] }, WritesBlob("out/model.bin", () => content));
        await _repo.RunAsync(["Train"]);
        var lockBefore = File.ReadAllText(_repo.Layout.LockFile);
        // NOTE: larger than the whole file system: a copy straight over the old output would truncate it and still fail.
        content = ('b', 2 * OutputBytes);
        _repo.Write("in.txt", "2");

        var results = await _repo.RunAsync(["Train"]);

        Assert.Equal(TargetStatus.Failed, results[0].Status);
        Assert.Contains("no space left on device", results[0].Reason);
        Assert.Equal(new string('a', OutputBytes), _repo.Read("out/model.bin"));
        Assert.Equal(lockBefore, File.ReadAllText(_repo.Layout.LockFile));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_repo.PathOf("out")), e => Path.GetFileName(e).EndsWith(".tmp", StringComparison.Ordinal));
    }

    [MountFact]
    public async Task Run_DiskFullDuringRestore_FailsWithOneLineAndKeepsTheLock()
    {
        OutputsOnASmallFileSystem();
        _repo.Write("in.txt", "1");
        _repo.Add(new TargetSpec("Train") { Inputs = ["in.txt"], Outputs = ["out/model.bin"] }, WritesBlob("out/model.bin", () => ('a', OutputBytes)));
        await _repo.RunAsync(["Train"]);
        var lockBefore = File.ReadAllText(_repo.Layout.LockFile);
        File.Delete(_repo.PathOf("out/model.bin"));
        var filler = Path.Combine(_repo.PathOf("out"), "filler");
        File.WriteAllBytes(filler, new byte[OutputBytes]);

        var results = await _repo.RunAsync(["Train"]);

        Assert.Equal(TargetStatus.Failed, results[0].Status);
        Assert.StartsWith("could not restore out/model.bin from the cache: no space left on device", results[0].Reason);
        Assert.DoesNotContain("\n", results[0].Reason);
        Assert.DoesNotContain("   at ", _repo.Output.ToString());
        Assert.False(File.Exists(_repo.PathOf("out/model.bin")));
        Assert.Equal(lockBefore, File.ReadAllText(_repo.Layout.LockFile));
    }
}
