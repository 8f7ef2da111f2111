using Pipeline.Engine.Primitives;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

public sealed class TransferTests
{
    // NOTE: a run-cache entry is runs/<key[:2]>/<key>/<value> with sha256 hex key and value (other names are not pulled).
    private const string RunEntry = "runs/c7/c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838/5e2824029f8da9ef6c57131a638ceb65f27c02f16c85d71e85671c27daed0501";

    [Fact]
    public void Push_ThenPullIntoFreshClone_RestoresOutputsByteForByte()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        var push = Transfer.Push(repo.Root);
        var clone = repo.Clone();
        repo.ConfigureRemote(clone);

        var pull = Transfer.Pull(clone);

        Assert.True(push.Succeeded, push.Summary());
        Assert.Equal(5, push.Pushed);
        Assert.True(pull.Succeeded, pull.Summary());
        Assert.Equal(5, pull.Pulled);
        Assert.Equal(3, pull.CheckedOut);
        foreach (var path in new[] { "data/raw.csv", "models/model.bin", "reports/a.txt", "reports/sub/b.txt" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(repo.Root, path)), File.ReadAllBytes(Path.Combine(clone, path)));
    }

    [Fact]
    public void Push_Twice_SecondTransfersNothing()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        Transfer.Push(repo.Root, options: new TransferOptions { Jobs = 2 });

        var second = Transfer.Push(repo.Root);

        Assert.Equal(0, second.Pushed);
        Assert.Equal(5, second.Skipped);
        Assert.True(second.Succeeded);
    }

    [Fact]
    public void Push_LocalRemote_UsesDvcLayout()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        var reports = RemoteTestRepo.Hash(Path.Combine(repo.Root, "reports")).Info.Hash.Value;

        Transfer.Push(repo.Root);

        Assert.True(File.Exists(Path.Combine(repo.RemoteRoot, "files", "md5", reports[..2], reports[2..])));
        Assert.Equal("model-v1", File.ReadAllText(Path.Combine(repo.RemoteRoot, "files", "md5", ModelHash(repo)[..2], ModelHash(repo)[2..])));
    }

    [Fact]
    public void Push_DirectoryFileMissingLocally_WarnsNamingStageAndPathAndPushesTheRest()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        var reports = RemoteTestRepo.Hash(Path.Combine(repo.Root, "reports"));
        var missing = reports.Manifest!.Entries[0].Md5;
        File.Delete(repo.Cache.ObjectPath(missing));

        var report = Transfer.Push(repo.Root);

        Assert.True(report.Succeeded, report.Summary());
        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("reports (stage train in dvc.lock): ", warning);
        Assert.Contains("not in the local cache", warning);
        Assert.Equal(3, report.Pushed);
        Assert.False(File.Exists(Path.Combine(repo.RemoteRoot, "files", "md5", reports.Info.Hash.Value[..2], reports.Info.Hash.Value[2..])));
        var other = reports.Manifest.Entries[1].Md5.Value;
        Assert.True(File.Exists(Path.Combine(repo.RemoteRoot, "files", "md5", other[..2], other[2..])));
    }

    [Fact]
    public void Pull_CorruptedRemoteObject_ReportedAndNotCached()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        Transfer.Push(repo.Root);
        var model = ModelHash(repo);
        var remoteObject = Path.Combine(repo.RemoteRoot, "files", "md5", model[..2], model[2..]);
        File.WriteAllText(remoteObject, "tampered");
        var clone = repo.Clone();
        repo.ConfigureRemote(clone);

        var pull = Transfer.Pull(clone);

        var failure = Assert.Single(pull.Failures, f => f.Reason.Contains("corrupted", StringComparison.Ordinal));
        Assert.Equal(model, failure.Hash);
        Assert.Equal(remoteObject, failure.Location);
        Assert.False(File.Exists(Path.Combine(clone, ".dvc", "cache", "files", "md5", model[..2], model[2..])));
        Assert.False(File.Exists(Path.Combine(clone, "models", "model.bin")));
        Assert.True(File.Exists(Path.Combine(clone, "reports", "a.txt")));
    }

    [Fact]
    public void Push_RunCacheOption_CopiesRunsEntries()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        repo.Write($".dvc/cache/{RunEntry}", "cmd: train\n");

        var report = Transfer.Push(repo.Root, options: new TransferOptions { RunCache = true });
        var clone = repo.Clone();
        repo.ConfigureRemote(clone);
        var pull = Transfer.Pull(clone, options: new TransferOptions { RunCache = true, FetchOnly = true });

        Assert.Equal(1, report.RunCacheEntries);
        Assert.Equal("cmd: train\n", File.ReadAllText(Path.Combine(repo.RemoteRoot, RunEntry)));
        Assert.Equal("cmd: train\n", File.ReadAllText(Path.Combine(clone, ".dvc", "cache", RunEntry)));
        Assert.Equal(0, pull.CheckedOut);
    }

    [Fact]
    public void Pull_WorkspaceAlreadyCurrent_ChecksOutNothing()
    {
        using var repo = new RemoteTestRepo();
        repo.ConfigureRemote(repo.Root);
        Transfer.Push(repo.Root);

        var pull = Transfer.Pull(repo.Root);

        Assert.Equal(0, pull.CheckedOut);
        Assert.Equal(0, pull.Pulled);
        Assert.Contains("0 pulled, 5 already there, 0 failed", pull.Summary());
    }

    private static string ModelHash(RemoteTestRepo repo) =>
        RemoteTestRepo.Hash(Path.Combine(repo.Root, "models", "model.bin")).Info.Hash.Value;
}
