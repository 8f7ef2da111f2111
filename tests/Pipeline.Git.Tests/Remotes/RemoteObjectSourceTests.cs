using Pipeline.Engine.Execution;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>
/// --pull and Pull --run-cache through the real executor: a stage computed on one machine and pushed with its run-cache
/// is restored on another, not executed.
/// </summary>
public sealed class RemoteObjectSourceTests : IDisposable
{
    private readonly DirectoryInfo _remote = Directory.CreateTempSubdirectory("pull-remote-");

    public void Dispose() => _remote.Delete(recursive: true);

    [Fact]
    public async Task PullOption_RunCacheEntryOnTheRemote_RestoredNotExecuted()
    {
        using var producer = await ProducedAndPushedAsync();
        using var consumer = new PullRunRepo(_remote.FullName);
        consumer.Write("in.txt", "v1");
        using var source = RemoteObjectSource.Open(consumer.Root, null, consumer.Layout.CacheRoot);

        var result = await consumer.RunAsync(source);

        Assert.Equal(TargetStatus.Restored, result.Status);
        Assert.StartsWith("restored from run-cache", result.Reason);
        Assert.Equal(0, consumer.Executions);
        Assert.Equal("made from v1", consumer.Read("out.txt"));
        Assert.Equal("b v1", consumer.Read("parts/b.txt"));
    }

    [Fact]
    public async Task PullOption_RecordedOutputsMissingEverywhereLocally_FetchedAndRestored()
    {
        using var producer = await ProducedAndPushedAsync();
        using var consumer = new PullRunRepo(_remote.FullName);
        consumer.Write("in.txt", "v1");
        File.Copy(Path.Combine(producer.Root, "dvc.lock"), Path.Combine(consumer.Root, "dvc.lock"));
        using var source = RemoteObjectSource.Open(consumer.Root, null, consumer.Layout.CacheRoot);

        var result = await consumer.RunAsync(source);

        Assert.Equal(TargetStatus.Restored, result.Status);
        Assert.StartsWith("restored from cache", result.Reason);
        Assert.Equal(0, consumer.Executions);
        Assert.Equal("a v1", consumer.Read("parts/a.txt"));
    }

    [Fact]
    public async Task WithoutPull_SameRepository_Executes()
    {
        using var producer = await ProducedAndPushedAsync();
        using var consumer = new PullRunRepo(_remote.FullName);
        consumer.Write("in.txt", "v1");

        var result = await consumer.RunAsync();

        Assert.Equal(TargetStatus.Executed, result.Status);
        Assert.Equal(1, consumer.Executions);
    }

    [Fact]
    public async Task PullRunCache_ThenPlainRun_RestoredNotExecuted()
    {
        using var producer = await ProducedAndPushedAsync();
        using var consumer = new PullRunRepo(_remote.FullName);
        consumer.Write("in.txt", "v1");

        var pull = Transfer.Pull(consumer.Root, options: new TransferOptions { RunCache = true });
        var result = await consumer.RunAsync();

        Assert.True(pull.Succeeded, pull.Summary());
        Assert.Equal(1, pull.RunCacheEntries);
        Assert.Equal(4, pull.Pulled);
        Assert.Equal(TargetStatus.Restored, result.Status);
        Assert.Equal(0, consumer.Executions);
        Assert.Equal("made from v1", consumer.Read("out.txt"));
    }

    [Fact]
    public async Task PullOption_CorruptedObjectOnTheRemote_RefusedAndTheTargetExecutes()
    {
        using var producer = await ProducedAndPushedAsync();
        var outHash = RemoteTestRepo.Hash(Path.Combine(producer.Root, "out.txt")).Info.Hash.Value;
        var remoteObject = Path.Combine(_remote.FullName, "files", "md5", outHash[..2], outHash[2..]);
        File.SetAttributes(remoteObject, FileAttributes.Normal);
        File.WriteAllText(remoteObject, "tampered");
        using var consumer = new PullRunRepo(_remote.FullName);
        consumer.Write("in.txt", "v1");
        using var source = RemoteObjectSource.Open(consumer.Root, null, consumer.Layout.CacheRoot);

        var result = await consumer.RunAsync(source);

        Assert.Equal(TargetStatus.Executed, result.Status);
        Assert.Equal(1, consumer.Executions);
        Assert.Contains($"WRN: {outHash} ({remoteObject}): corrupted on remote 'storage'", consumer.Output.ToString());
        Assert.Equal("made from v1", consumer.Read("out.txt"));
    }

    private async Task<PullRunRepo> ProducedAndPushedAsync()
    {
        var producer = new PullRunRepo(_remote.FullName);
        producer.Write("in.txt", "v1");
        var made = await producer.RunAsync();
        Assert.Equal(TargetStatus.Executed, made.Status);
        var push = Transfer.Push(producer.Root, options: new TransferOptions { RunCache = true });
        Assert.True(push.Succeeded, push.Summary());
        Assert.Equal(1, push.RunCacheEntries);
        return producer;
    }
}
