using Pipeline.Engine.Execution;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A cache object whose bytes no longer match its name is never restored, and a run that produces it again repairs it.</summary>
public sealed class CorruptCacheTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private string ObjectOf(string relPath)
    {
        var md5 = FileHasher.Hash(_repo.PathOf(relPath)).Value;
        return Path.Combine(_repo.Layout.CacheRoot, "files", "md5", md5[..2], md5[2..]);
    }

    private static void FlipFirstByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[0] ^= 0x20;
        File.SetAttributes(path, FileAttributes.Normal);
        File.WriteAllBytes(path, bytes);
    }

    private void AddWriter(string text = "model weights") =>
        _repo.Add(new TargetSpec("Train") { Inputs = ["in.txt"], Outputs = ["out/model.bin"] }, TempRepository.Writes("out/model.bin", text));

    [Fact]
    public async Task Run_CorruptObjectOutputDeleted_RerunsInsteadOfRestoringWithAWarning()
    {
        _repo.Write("in.txt", "x");
        AddWriter();
        await _repo.RunAsync(["Train"]);
        var obj = ObjectOf("out/model.bin");
        FlipFirstByte(obj);
        File.Delete(_repo.PathOf("out/model.bin"));

        var results = await _repo.RunAsync(["Train"]);

        Assert.Equal([(TargetStatus.Executed, "output missing: out/model.bin")], results.Select(r => (r.Status, r.Reason)));
        Assert.Equal("model weights", _repo.Read("out/model.bin"));
        Assert.Contains($"Cache object '{Path.GetFileName(Path.GetDirectoryName(obj))}{Path.GetFileName(obj)}'", _repo.Output.ToString());
        Assert.Contains("is corrupt", _repo.Output.ToString());
        Assert.Equal("model weights", File.ReadAllText(obj));
    }

    [Fact]
    public async Task Run_ForceWithCorruptObject_ReplacesTheObject()
    {
        _repo.Write("in.txt", "x");
        AddWriter();
        await _repo.RunAsync(["Train"]);
        var obj = ObjectOf("out/model.bin");
        FlipFirstByte(obj);

        var results = await _repo.RunAsync(["Train"], force: true);

        Assert.Equal(TargetStatus.Executed, results[0].Status);
        Assert.Equal("model weights", File.ReadAllText(obj));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(obj));
    }

    [Fact]
    public async Task Run_CorruptObjectOfADirectoryOutput_RerunsInsteadOfRestoring()
    {
        _repo.Write("in.txt", "x");
        _repo.Add(new TargetSpec("Split") { Inputs = ["in.txt"], Outputs = ["out/parts"] }, async ctx =>
        {
            await File.WriteAllTextAsync(ctx.Output("out/parts/a.csv"), "a,1\n");
            await File.WriteAllTextAsync(ctx.Output("out/parts/b.csv"), "b,2\n");
        });
        await _repo.RunAsync(["Split"]);
        var obj = ObjectOf("out/parts/b.csv");
        FlipFirstByte(obj);
        Directory.Delete(_repo.PathOf("out/parts"), recursive: true);

        var results = await _repo.RunAsync(["Split"]);

        Assert.Equal([(TargetStatus.Executed, "output missing: out/parts")], results.Select(r => (r.Status, r.Reason)));
        Assert.Equal("b,2\n", _repo.Read("out/parts/b.csv"));
        Assert.Equal("b,2\n", File.ReadAllText(obj));
    }

    [Fact]
    public async Task Run_IntactObjectOutputDeleted_StillRestored()
    {
        _repo.Write("in.txt", "x");
        AddWriter();
        await _repo.RunAsync(["Train"]);
        File.Delete(_repo.PathOf("out/model.bin"));

        var results = await _repo.RunAsync(["Train"]);

        Assert.Equal(TargetStatus.Restored, results[0].Status);
        Assert.Equal("model weights", _repo.Read("out/model.bin"));
    }
}
