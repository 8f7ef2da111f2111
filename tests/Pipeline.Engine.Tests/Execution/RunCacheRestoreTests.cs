using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A run-cache hit restores exactly the target's declared outputs; an entry naming other paths is a miss.</summary>
public sealed class RunCacheRestoreTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private readonly DirectoryInfo _sibling;

    public RunCacheRestoreTests()
    {
        _sibling = Directory.CreateDirectory(_repo.Layout.Root + "-victim");
        File.WriteAllText(Path.Combine(_sibling.FullName, "file.txt"), "precious");
    }

    public void Dispose()
    {
        _sibling.Delete(recursive: true);
        _repo.Dispose();
    }

    private string SiblingName => _sibling.Name;

    private IEnumerable<string> RunCacheEntries() =>
        Directory.EnumerateFiles(Path.Combine(_repo.Layout.CacheRoot, "runs"), "*", SearchOption.AllDirectories);

    private void Rewrite(string entry, string from, string to)
    {
        var text = File.ReadAllText(entry);
        Assert.Contains(from, text);
        File.WriteAllText(entry, text.Replace(from, to));
    }

    [Fact]
    public async Task Run_RunCacheHit_RestoresTheDeclaredOutputs()
    {
        _repo.Add(new TargetSpec("Train") { Inputs = ["in.txt"], Outputs = ["out/model.bin"] }, ctx => File.WriteAllTextAsync(ctx.Output("out/model.bin"), "model of " + File.ReadAllText(ctx.Input("in.txt"))));
        _repo.Write("in.txt", "a");
        await _repo.RunAsync(["Train"]);
        _repo.Write("in.txt", "b");
        await _repo.RunAsync(["Train"]);
        _repo.Write("in.txt", "a");

        var results = await _repo.RunAsync(["Train"]);

        Assert.Equal(TargetStatus.Restored, results[0].Status);
        Assert.StartsWith("restored from run-cache", results[0].Reason);
        Assert.Equal("model of a", _repo.Read("out/model.bin"));
    }

    [Fact]
    public async Task Run_EntryNamingAPathOutsideTheRepository_IsAMissAndWritesNothingOutside()
    {
        _repo.Add(new TargetSpec("Train") { Inputs = ["in.txt"], Outputs = ["out/model.bin"] }, ctx => File.WriteAllTextAsync(ctx.Output("out/model.bin"), "model of " + File.ReadAllText(ctx.Input("in.txt"))));
        _repo.Write("in.txt", "a");
        await _repo.RunAsync(["Train"]);
        Rewrite(Assert.Single(RunCacheEntries()), "path: out/model.bin", $"path: ../{SiblingName}/file.txt");
        _repo.Write("in.txt", "b");
        await _repo.RunAsync(["Train"]);
        _repo.Write("in.txt", "a");

        var results = await _repo.RunAsync(["Train"]);

        Assert.Equal("precious", File.ReadAllText(Path.Combine(_sibling.FullName, "file.txt")));
        Assert.Equal(TargetStatus.Executed, results[0].Status);
        Assert.Equal("model of a", _repo.Read("out/model.bin"));
        Assert.Contains("does not match", _repo.Output.ToString());
    }

    [Fact]
    public async Task Run_EntryNamingADirectoryOutsideTheRepository_IsAMissAndLeavesThatDirectoryAlone()
    {
        _repo.Add(new TargetSpec("Split") { Inputs = ["in.txt"], Outputs = ["out/parts"] }, ctx => File.WriteAllTextAsync(ctx.Output("out/parts/a.csv"), File.ReadAllText(ctx.Input("in.txt"))));
        _repo.Write("in.txt", "a");
        await _repo.RunAsync(["Split"]);
        Rewrite(Assert.Single(RunCacheEntries()), "path: out/parts", $"path: ../{SiblingName}");
        _repo.Write("in.txt", "b");
        await _repo.RunAsync(["Split"]);
        _repo.Write("in.txt", "a");

        var results = await _repo.RunAsync(["Split"]);

        Assert.Equal(["file.txt"], Directory.GetFileSystemEntries(_sibling.FullName).Select(Path.GetFileName));
        Assert.Equal(TargetStatus.Executed, results[0].Status);
        Assert.Equal("a", _repo.Read("out/parts/a.csv"));
    }
}
