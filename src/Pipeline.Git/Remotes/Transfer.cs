using Pipeline.Engine.Caching;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>
/// <c>dvc push</c> / <c>dvc pull</c>: moves the cache objects of dvc.lock and <c>.dvc</c> outputs to and from a DVC
/// remote in DVC's layout (dvc-format.md §13.3–13.4). Parallel, resumable (present objects are skipped) and verified
/// by md5 on both sides; a directory's <c>.dir</c> manifest is pushed only after all its files.
/// </summary>
public static class Transfer
{
    /// <summary>Uploads the used objects of <paramref name="targets"/> (all when null) to the remote (default when null).</summary>
    public static TransferReport Push(string repoRoot, string? remoteName = null, IReadOnlyCollection<string>? targets = null, TransferOptions? options = null)
    {
        options ??= new TransferOptions();
        var config = DvcConfig.Load(repoRoot);
        var settings = config.Remote(remoteName);
        var remote = RemoteStores.Open(settings);
        var cache = new ObjectCache(config.CacheRoot);
        var report = new TransferReport("push", settings.Name);
        var mover = new ObjectMover(cache, remote, report);
        var outputs = TrackedOutputs.Collect(repoRoot, targets);

        var dirs = outputs.Select(o => o.Info.Hash).Where(h => h.IsDirectory).Distinct().ToList();
        var manifests = new Dictionary<ContentHash, IReadOnlyList<ContentHash>>();
        foreach (var dir in dirs)
        {
            if (cache.TryReadManifest(dir) is { } manifest) manifests[dir] = [.. manifest.Entries.Select(e => e.Md5).Distinct()];
            else report.AddFailure(new TransferFailure(dir.Value, cache.ObjectPath(dir), "directory manifest missing from the local cache; re-run the stage that produces it"));
        }
        var files = outputs.Select(o => o.Info.Hash).Where(h => !h.IsDirectory)
            .Concat(manifests.Values.SelectMany(m => m)).Distinct().ToList();
        var ok = Run(files, options.Jobs, mover.Push);
        // NOTE: a .dir on the remote promises that all its files are there (DVC's _do_transfer), so it goes last.
        Run(manifests.Where(m => m.Value.All(ok.Contains)).Select(m => m.Key).ToList(), options.Jobs, mover.Push);
        if (options.RunCache) RunCacheTransfer.Push(cache.Root, remote, report);
        return report;
    }

    /// <summary>Fetches the used objects into the cache (verified), then checks out missing or changed outputs.</summary>
    public static TransferReport Pull(string repoRoot, string? remoteName = null, IReadOnlyCollection<string>? targets = null, TransferOptions? options = null) =>
        PullOutputs(repoRoot, remoteName, targets, options ?? new TransferOptions(), includeLockOutputs: true);

    /// <summary>Pull with a choice of outputs: <paramref name="includeLockOutputs"/> false takes only <c>.dvc</c> files.</summary>
    internal static TransferReport PullOutputs(string repoRoot, string? remoteName, IReadOnlyCollection<string>? targets, TransferOptions options, bool includeLockOutputs)
    {
        var config = DvcConfig.Load(repoRoot);
        var settings = config.Remote(remoteName);
        var remote = RemoteStores.Open(settings);
        var cache = new ObjectCache(config.CacheRoot);
        var report = new TransferReport("pull", settings.Name);
        var mover = new ObjectMover(cache, remote, report);
        var outputs = TrackedOutputs.Collect(repoRoot, targets, includeLockOutputs);

        var hashes = outputs.Select(o => o.Info.Hash).Distinct().ToList();
        // NOTE: a directory's file list is only known once its .dir manifest is here, so manifests come first.
        Run(hashes.Where(h => h.IsDirectory).ToList(), options.Jobs, mover.Fetch);
        var files = hashes.Where(h => !h.IsDirectory)
            .Concat(hashes.Where(h => h.IsDirectory).SelectMany(h => cache.TryReadManifest(h)?.Entries.Select(e => e.Md5) ?? []))
            .Distinct().ToList();
        Run(files, options.Jobs, mover.Fetch);
        if (options.RunCache) RunCacheTransfer.Pull(cache.Root, remote, report);
        if (!options.FetchOnly) WorkspaceRestorer.Restore(Path.GetFullPath(repoRoot), cache, outputs, report);
        return report;
    }

    private static HashSet<ContentHash> Run(IReadOnlyList<ContentHash> hashes, int jobs, Func<ContentHash, bool> move)
    {
        var done = new System.Collections.Concurrent.ConcurrentDictionary<ContentHash, bool>();
        Parallel.ForEach(hashes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, hash =>
        {
            if (move(hash)) done[hash] = true;
        });
        return [.. done.Keys];
    }
}
