using Amazon.S3.Model;
using LibGit2Sharp;
using Pipeline.Engine.Execution;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>Push and Pull against a real radosgw, configured as DVC users configure it.</summary>
public sealed class S3TransferTests
{
    [S3Fact]
    public void PushThenPullIntoFreshClone_KeysInConfigLocalThenInEnvironment_RestoresByteForByte()
    {
        using var gateway = RadosGateway.Open();
        using var repo = new RemoteTestRepo();
        gateway.Configure(repo.Root);

        var push = Transfer.Push(repo.Root, options: new TransferOptions { Environment = RadosGateway.CleanEnvironment(), Jobs = 3 });
        var clone = repo.Clone();
        var committed = File.ReadAllText(Path.Combine(repo.Root, ".dvc", "config"));
        File.WriteAllText(Path.Combine(clone, ".dvc", "config"), committed);
        var environment = RadosGateway.CleanEnvironment(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = gateway.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = gateway.SecretKey });
        var pull = Transfer.Pull(clone, options: new TransferOptions { Environment = environment });

        using (var git = new Repository(repo.Root)) Assert.True(git.Ignore.IsPathIgnored(".dvc/config.local"));
        Assert.DoesNotContain("secret_access_key", committed);
        Assert.True(push.Succeeded, push.Summary());
        Assert.Equal(5, push.Pushed);
        Assert.True(pull.Succeeded, pull.Summary());
        Assert.Equal(5, pull.Pulled);
        Assert.Equal(3, pull.CheckedOut);
        Assert.Contains($"dvcstore/files/md5/{ModelHash(repo)[..2]}/{ModelHash(repo)[2..]}", gateway.Keys());
        foreach (var path in new[] { "data/raw.csv", "models/model.bin", "reports/a.txt", "reports/sub/b.txt" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(repo.Root, path)), File.ReadAllBytes(Path.Combine(clone, path)));
    }

    [S3Fact]
    public async Task Pull_ObjectCorruptedOnTheRemote_RefusedNamingObjectAndRemote()
    {
        using var gateway = RadosGateway.Open();
        using var repo = new RemoteTestRepo();
        gateway.Configure(repo.Root);
        Transfer.Push(repo.Root, options: new TransferOptions { Environment = RadosGateway.CleanEnvironment() });
        var model = ModelHash(repo);
        await gateway.Client.PutObjectAsync(new PutObjectRequest { BucketName = gateway.Bucket, Key = $"dvcstore/files/md5/{model[..2]}/{model[2..]}", ContentBody = "tampered" });
        var clone = repo.Clone();
        gateway.Configure(clone);

        var pull = Transfer.Pull(clone, options: new TransferOptions { Environment = RadosGateway.CleanEnvironment() });

        var failure = Assert.Single(pull.Failures);
        Assert.Equal(model, failure.Hash);
        Assert.Equal($"s3://{gateway.Bucket}/dvcstore/files/md5/{model[..2]}/{model[2..]}", failure.Location);
        Assert.StartsWith("corrupted on remote 'storage'", failure.Reason);
        Assert.False(File.Exists(Path.Combine(clone, ".dvc", "cache", "files", "md5", model[..2], model[2..])));
        Assert.False(File.Exists(Path.Combine(clone, "models", "model.bin")));
        Assert.Equal("alpha", File.ReadAllText(Path.Combine(clone, "reports", "a.txt")));
    }

    [S3Fact]
    public void Push_ObjectMissingFromTheLocalCache_WarnsNamingStageAndPathAndSucceeds()
    {
        using var gateway = RadosGateway.Open();
        using var repo = new RemoteTestRepo();
        gateway.Configure(repo.Root);
        var model = ModelHash(repo);
        File.SetAttributes(repo.Cache.ObjectPath(Pipeline.Engine.Primitives.ContentHash.Parse(model)), FileAttributes.Normal);
        File.Delete(repo.Cache.ObjectPath(Pipeline.Engine.Primitives.ContentHash.Parse(model)));

        var push = Transfer.Push(repo.Root, options: new TransferOptions { Environment = RadosGateway.CleanEnvironment() });

        Assert.True(push.Succeeded, push.Summary());
        Assert.Equal(4, push.Pushed);
        var warning = Assert.Single(push.Warnings);
        Assert.Equal($"models/model.bin (stage train in dvc.lock): {model} is not in the local cache, not pushed; run the stage (or pull it) on this machine to push it.", warning);
    }

    [S3Fact]
    public void PushRunCache_WrongSecret_RemoteExceptionNotAnSdkStackTrace()
    {
        using var gateway = RadosGateway.Open();
        using var repo = new RemoteTestRepo();
        gateway.Configure(repo.Root);
        File.WriteAllText(Path.Combine(repo.Root, ".dvc", "config.local"), $"['remote \"storage\"']\n    access_key_id = {gateway.AccessKey}\n    secret_access_key = wrong\n");

        var e = Assert.Throws<RemoteException>(() => Transfer.Push(repo.Root, options: new TransferOptions { RunCache = true, Environment = RadosGateway.CleanEnvironment() }));

        Assert.Contains("S3 remote 'storage'", e.Message);
        Assert.Contains("secret key does not match", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [S3Fact]
    public async Task PullRunCache_StageComputedElsewhere_ObjectsFetchedAndTheRunRestores()
    {
        using var gateway = RadosGateway.Open();
        using var producer = new PullRunRepo(root => gateway.Configure(root));
        producer.Write("in.txt", "v1");
        Assert.Equal(TargetStatus.Executed, (await producer.RunAsync()).Status);
        var options = new TransferOptions { RunCache = true, Environment = RadosGateway.CleanEnvironment() };
        var push = Transfer.Push(producer.Root, options: options);
        using var consumer = new PullRunRepo(root => gateway.Configure(root));
        consumer.Write("in.txt", "v1");

        var pull = Transfer.Pull(consumer.Root, options: options);
        var result = await consumer.RunAsync();

        Assert.True(push.Succeeded, push.Summary());
        Assert.True(pull.Succeeded, pull.Summary());
        Assert.Equal(1, pull.RunCacheEntries);
        Assert.Equal(TargetStatus.Restored, result.Status);
        Assert.Equal(0, consumer.Executions);
        Assert.Equal("made from v1", consumer.Read("out.txt"));
    }

    [S3Fact]
    public async Task PullOption_RunCacheOnS3_RestoredNotExecuted()
    {
        using var gateway = RadosGateway.Open();
        using var producer = new PullRunRepo(root => gateway.Configure(root));
        producer.Write("in.txt", "v1");
        await producer.RunAsync();
        Transfer.Push(producer.Root, options: new TransferOptions { RunCache = true, Environment = RadosGateway.CleanEnvironment() });
        using var consumer = new PullRunRepo(root => gateway.Configure(root));
        consumer.Write("in.txt", "v1");
        using var source = RemoteObjectSource.Open(consumer.Root, null, consumer.Layout.CacheRoot, new TransferOptions { Environment = RadosGateway.CleanEnvironment() });

        var result = await consumer.RunAsync(source);

        Assert.Equal(TargetStatus.Restored, result.Status);
        Assert.Equal(0, consumer.Executions);
        Assert.Equal("b v1", consumer.Read("parts/b.txt"));
    }

    private static string ModelHash(RemoteTestRepo repo) =>
        RemoteTestRepo.Hash(Path.Combine(repo.Root, "models", "model.bin")).Info.Hash.Value;
}
