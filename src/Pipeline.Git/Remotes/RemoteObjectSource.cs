using Pipeline.Engine.Caching;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>
/// The DVC remote as the engine's <c>--pull</c> source (<see cref="IObjectSource"/>): run-cache entries and objects,
/// each verified before it is placed. The remote is checked once, on first use.
/// </summary>
public sealed class RemoteObjectSource : IObjectSource
{
    private readonly RemoteStore _remote;
    private readonly ObjectCache _cache;
    private readonly int _jobs;
    private readonly Lazy<Task> _checked;

    private RemoteObjectSource(RemoteStore remote, ObjectCache cache, int jobs)
    {
        _remote = remote;
        _cache = cache;
        _jobs = jobs;
        _checked = new Lazy<Task>(() => remote.CheckAsync(write: false, CancellationToken.None));
    }

    /// <summary>Opens remote <paramref name="remoteName"/> (the default remote when null) of the repository, fetching into <paramref name="cacheRoot"/>.</summary>
    public static RemoteObjectSource Open(string repoRoot, string? remoteName, string cacheRoot, TransferOptions? options = null)
    {
        options ??= new TransferOptions();
        var (settings, _) = Transfer.Open(repoRoot, remoteName);
        var remote = RemoteStores.Open(settings, options.Environment ?? RemoteEnvironment.Current());
        return new RemoteObjectSource(remote, new ObjectCache(cacheRoot), Transfer.JobsOf(options, settings));
    }

    /// <inheritdoc />
    public string Name => $"remote '{_remote.Name}'";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FetchRunCacheAsync(string key, CancellationToken cancellation)
    {
        await _checked.Value;
        var report = new TransferReport("pull", _remote.Name);
        var prefix = $"{RemoteLayout.RunsPrefix}{key[..2]}/{key}/";
        try
        {
            await new RunCacheTransfer(_cache.Root, _remote, report, _jobs).PullAsync(prefix, cancellation);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or Amazon.Runtime.AmazonServiceException)
        {
            // NOTE: a run-cache listing that fails after its retries only means the target cannot be restored from it.
            return [$"run-cache entries under {_remote.Describe(prefix)} could not be listed: {e.Message}"];
        }
        return [.. report.Failures.Select(f => f.ToString())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FetchObjectsAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellation)
    {
        await _checked.Value;
        var report = new TransferReport("pull", _remote.Name);
        var transfer = new ObjectSetTransfer(_cache, new ObjectMover(_cache, _remote, report), _jobs);
        var outcomes = await transfer.FetchAsync(hashes, cancellation);
        var missing = outcomes.Where(o => o.Value == ObjectSetOutcome.Missing)
            .Select(o => $"{o.Key.Value} is missing on {Name} ({_remote.Describe(RemoteLayout.ObjectKey(o.Key))})");
        return [.. report.Failures.Select(f => f.ToString()).Concat(missing).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public void Dispose() => _remote.Dispose();
}
