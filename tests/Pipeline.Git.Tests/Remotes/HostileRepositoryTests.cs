using System.Security.Cryptography;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>
/// A cloned repository (or its remote) whose .dvc files, dvc.lock or .dir manifests name paths outside it: Pull
/// refuses them and writes nothing outside the clone (a checksum listing of a sibling directory is compared).
/// </summary>
public sealed class HostileRepositoryTests : IDisposable
{
    private readonly RemoteTestRepo _repo = new();
    private readonly string _clone;
    private readonly string _victim;

    public HostileRepositoryTests()
    {
        _repo.ConfigureRemote(_repo.Root);
        Transfer.Push(_repo.Root);
        _clone = _repo.Clone();
        _repo.ConfigureRemote(_clone);
        _victim = Path.Combine(Path.GetDirectoryName(_clone)!, "victim");
        Directory.CreateDirectory(Path.Combine(_victim, "sub"));
        File.WriteAllText(Path.Combine(_victim, "file.txt"), "precious");
        File.WriteAllText(Path.Combine(_victim, "sub", "keep.txt"), "keep");
    }

    public void Dispose() => _repo.Dispose();

    private HashInfo Model => RemoteTestRepo.Hash(Path.Combine(_repo.Root, "models", "model.bin")).Info;

    private HashInfo Reports => RemoteTestRepo.Hash(Path.Combine(_repo.Root, "reports")).Info;

    private void WriteInClone(string relPath, string text)
    {
        var path = Path.Combine(_clone, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Every file and directory under the victim directory with the md5 of its bytes, sorted.</summary>
    private string Listing() => string.Join('\n',
        Directory.EnumerateFileSystemEntries(_victim, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_victim, p) + " " + (File.Exists(p) ? Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(p))) : "dir"))
            .Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("../../victim/file.txt")]
    [InlineData("../../victim")]
    public void Pull_DvcFileNamingAPathOutside_RefusedNamingTheFileAndWritesNothingOutside(string hostile)
    {
        var info = hostile.EndsWith("victim", StringComparison.Ordinal) ? Reports : Model;
        WriteInClone("data/evil.dvc", DvcFile.ToText(info, hostile));
        var before = Listing();

        var thrown = Record.Exception(() => Transfer.Pull(_clone));

        Assert.Equal(before, Listing());
        var e = Assert.IsType<RepositoryStateException>(thrown);
        Assert.Contains("data/evil.dvc", e.Message);
        Assert.Contains($"'{hostile}'", e.Message);
        Assert.Contains("outside the repository", e.Message);
    }

    [Fact]
    public void Pull_DvcFileWithAnAbsolutePath_Refused()
    {
        WriteInClone("data/evil.dvc", DvcFile.ToText(Model, Path.Combine(_victim, "file.txt")));
        var before = Listing();

        var thrown = Record.Exception(() => Transfer.Pull(_clone));

        Assert.Equal(before, Listing());
        var e = Assert.IsType<RepositoryStateException>(thrown);
        Assert.Contains("is absolute", e.Message);
        Assert.False(File.Exists(Path.Combine(_clone, "data", "tmp")));
    }

    [Fact]
    public void Pull_LockOutNamingADirectoryOutside_RefusedNamingTheStage()
    {
        var lockFile = LockFile.Load(Path.Combine(_clone, "dvc.lock"));
        var train = lockFile.Get("train")!;
        lockFile.Set("train", train with { Outs = [.. train.Outs, new LockedPath("../victim", Reports)] });
        lockFile.Save(Path.Combine(_clone, "dvc.lock"));
        var before = Listing();

        var thrown = Record.Exception(() => Transfer.Pull(_clone));

        Assert.Equal(before, Listing());
        var e = Assert.IsType<RepositoryStateException>(thrown);
        Assert.Contains("dvc.lock", e.Message);
        Assert.Contains("train", e.Message);
        Assert.Contains("'../victim'", e.Message);
    }

    [Fact]
    public void Pull_OutputPathThroughASymlinkLeavingTheClone_Refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_clone, "linked"), _victim);
        WriteInClone("evil.dvc", DvcFile.ToText(Model, "linked/file.txt"));
        var before = Listing();

        var thrown = Record.Exception(() => Transfer.Pull(_clone));

        Assert.Equal(before, Listing());
        var e = Assert.IsType<RepositoryStateException>(thrown);
        Assert.Contains("symbolic link 'linked'", e.Message);
    }

    [Fact]
    public void Pull_ManifestWithARelpathLeavingItsDirectory_NotCheckedOutAndWritesNothingOutside()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes($$"""[{"md5": "{{Model.Hash.Value}}", "relpath": "../../../victim/file.txt"}]""");
        var dirHash = FileHasher.Hash(bytes, directory: true);
        var remoteObject = Path.Combine(_repo.RemoteRoot, "files", "md5", dirHash.Value[..2], dirHash.Value[2..]);
        Directory.CreateDirectory(Path.GetDirectoryName(remoteObject)!);
        File.WriteAllBytes(remoteObject, bytes);
        WriteInClone("data/evil.dvc", DvcFile.ToText(new HashInfo(dirHash, Model.Size, 1), "evil"));
        var before = Listing();

        var report = Transfer.Pull(_clone);

        Assert.Equal(before, Listing());
        var failure = Assert.Single(report.Failures, f => f.Location == "data/evil");
        Assert.Contains("../../../victim/file.txt", failure.Reason);
        Assert.False(Path.Exists(Path.Combine(_clone, "data", "evil")));
    }

    [Fact]
    public void Pull_RunCacheEntriesUnderForeignNames_NotDownloaded()
    {
        var stray = Path.Combine(_repo.RemoteRoot, "runs", "ab", "not-a-key");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "cmd: x\n");

        var report = Transfer.Pull(_clone, options: new TransferOptions { RunCache = true, FetchOnly = true });

        Assert.False(Path.Exists(Path.Combine(_clone, ".dvc", "cache", "runs", "ab", "not-a-key")));
        Assert.Contains(report.Failures, f => f.Hash == "runs/ab/not-a-key");
    }
}
