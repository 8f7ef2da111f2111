using Pipeline.Engine.Caching;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>
/// Moves a set of outputs' objects with up to <c>jobs</c> transfers at once, in the order DVC keeps: a directory's
/// <c>.dir</c> manifest goes up only after all its files (a manifest on the remote promises its files are there), and
/// comes down first (its file list is only known once it is here).
/// </summary>
internal sealed class ObjectSetTransfer(ObjectCache cache, ObjectMover mover, int jobs)
{
    /// <summary>Uploads the objects of <paramref name="hashes"/>; the outcome of each.</summary>
    public async Task<IReadOnlyDictionary<ContentHash, ObjectSetOutcome>> PushAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellation)
    {
        var manifests = new Dictionary<ContentHash, IReadOnlyList<ContentHash>>();
        foreach (var dir in hashes.Where(h => h.IsDirectory).Distinct())
            if (cache.TryReadManifest(dir) is { } manifest) manifests[dir] = [.. manifest.Entries.Select(e => e.Md5).Distinct()];
        var files = hashes.Where(h => !h.IsDirectory).Concat(manifests.Values.SelectMany(m => m)).Distinct().ToList();
        var fileOutcomes = await RunAsync(files, mover.PushAsync, cancellation);
        var ready = manifests.Where(m => m.Value.All(f => fileOutcomes[f] is MoveOutcome.Moved or MoveOutcome.AlreadyThere)).Select(m => m.Key).ToList();
        var dirOutcomes = await RunAsync(ready, mover.PushAsync, cancellation);

        var result = new Dictionary<ContentHash, ObjectSetOutcome>();
        foreach (var hash in hashes.Distinct())
        {
            if (!hash.IsDirectory) result[hash] = Of([fileOutcomes[hash]]);
            else if (dirOutcomes.TryGetValue(hash, out var own)) result[hash] = Of([own]);
            else if (!manifests.TryGetValue(hash, out var entries)) result[hash] = await ManifestOnRemote(hash, cancellation);
            else result[hash] = Of(entries.Select(e => fileOutcomes[e]));
        }
        return result;
    }

    /// <summary>Downloads the objects of <paramref name="hashes"/> that the cache lacks; the outcome of each.</summary>
    public async Task<IReadOnlyDictionary<ContentHash, ObjectSetOutcome>> FetchAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellation)
    {
        var dirs = hashes.Where(h => h.IsDirectory).Distinct().ToList();
        var dirOutcomes = await RunAsync(dirs, mover.FetchAsync, cancellation);
        var manifests = dirs.Where(d => dirOutcomes[d] is MoveOutcome.Moved or MoveOutcome.AlreadyThere)
            .Select(d => (Dir: d, Manifest: cache.TryReadManifest(d)))
            .Where(m => m.Manifest is not null)
            .ToDictionary(m => m.Dir, m => (IReadOnlyList<ContentHash>)[.. m.Manifest!.Entries.Select(e => e.Md5).Distinct()]);
        var files = hashes.Where(h => !h.IsDirectory).Concat(manifests.Values.SelectMany(m => m)).Distinct().ToList();
        var fileOutcomes = await RunAsync(files, mover.FetchAsync, cancellation);

        var result = new Dictionary<ContentHash, ObjectSetOutcome>();
        foreach (var hash in hashes.Distinct())
        {
            if (!hash.IsDirectory) result[hash] = Of([fileOutcomes[hash]]);
            else if (!manifests.TryGetValue(hash, out var entries)) result[hash] = Of([dirOutcomes[hash] is MoveOutcome.Moved or MoveOutcome.AlreadyThere ? MoveOutcome.Corrupted : dirOutcomes[hash]]);
            else result[hash] = Of(entries.Select(e => fileOutcomes[e]).Append(dirOutcomes[hash]));
        }
        return result;
    }

    // NOTE: a directory whose manifest is not in the local cache is complete only if the remote already has it.
    private async Task<ObjectSetOutcome> ManifestOnRemote(ContentHash dir, CancellationToken cancellation) =>
        Of([await mover.PushAsync(dir, cancellation)]);

    private static ObjectSetOutcome Of(IEnumerable<MoveOutcome> parts)
    {
        var all = parts.ToList();
        if (all.Contains(MoveOutcome.Failed)) return ObjectSetOutcome.Failed;
        if (all.Contains(MoveOutcome.Corrupted)) return ObjectSetOutcome.Corrupted;
        return all.Contains(MoveOutcome.Missing) ? ObjectSetOutcome.Missing : ObjectSetOutcome.Complete;
    }

    private async Task<Dictionary<ContentHash, MoveOutcome>> RunAsync(IReadOnlyList<ContentHash> hashes, Func<ContentHash, CancellationToken, Task<MoveOutcome>> move, CancellationToken cancellation)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<ContentHash, MoveOutcome>();
        await Parallel.ForEachAsync(hashes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellation },
            async (hash, token) => outcomes[hash] = await move(hash, token));
        return new Dictionary<ContentHash, MoveOutcome>(outcomes);
    }
}
