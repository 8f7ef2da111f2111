using Pipeline.Engine.Dvc;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Git.Remotes;

/// <summary>
/// Copies run-cache entries (<c>&lt;cache&gt;/runs/…</c> ↔ <c>&lt;remote&gt;/runs/…</c>) whole, skipping those present. A
/// pulled entry is read before it is placed: one that is not a run-cache entry is refused.
/// </summary>
internal sealed class RunCacheTransfer(string cacheRoot, RemoteStore remote, TransferReport report, int jobs)
{
    private string RunsRoot => Path.Combine(cacheRoot, "runs");

    /// <summary>Uploads every local entry the remote lacks; returns every local entry file.</summary>
    public async Task<IReadOnlyList<string>> PushAsync(CancellationToken cancellation)
    {
        if (!Directory.Exists(RunsRoot)) return [];
        var files = Directory.EnumerateFiles(RunsRoot, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(files, Options(cancellation), async (file, token) =>
        {
            var key = RemoteLayout.RunsPrefix + Path.GetRelativePath(RunsRoot, file).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                if (await remote.ExistsAsync(key, token)) return;
                await remote.UploadAsync(file, key, token);
                report.AddRunCacheEntry();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
            {
                report.AddFailure(new TransferFailure(key, remote.Describe(key), e.Message));
            }
        });
        return files;
    }

    /// <summary>
    /// Downloads the remote entries under <paramref name="prefix"/> (<c>runs/</c>, or one key's folder) that the
    /// local run-cache lacks; returns the local files of every entry listed there that is now present.
    /// </summary>
    public async Task<IReadOnlyList<string>> PullAsync(string prefix, CancellationToken cancellation)
    {
        var keys = await remote.ListAsync(prefix, cancellation);
        var present = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(keys, Options(cancellation), async (key, token) =>
        {
            // NOTE: a listed key is a path too: only DVC's runs/<2>/<sha256>/<sha256> names lead to a file inside the cache.
            if (!RunCache.IsEntryKey(key))
            {
                report.AddFailure(new TransferFailure(key, remote.Describe(key), "not a run-cache entry name (runs/<2 hex>/<sha256>/<sha256>); not downloaded"));
                return;
            }
            var target = Path.Combine(cacheRoot, key.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(target) || await DownloadAsync(key, target, token)) present.Add(target);
        });
        return [.. present.Order(StringComparer.Ordinal)];
    }

    /// <summary>The objects named by the outs of <paramref name="entryFiles"/> (unreadable local entries are skipped).</summary>
    public static IReadOnlyList<ContentHash> ObjectsOf(IEnumerable<string> entryFiles)
    {
        var hashes = new HashSet<ContentHash>();
        foreach (var file in entryFiles)
        {
            try
            {
                hashes.UnionWith(RunCacheEntryFile.OutputHashes(File.ReadAllText(file)));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                // NOTE: the engine removes a corrupt local entry with a warning when it reads it; here it just names nothing.
            }
        }
        return [.. hashes.OrderBy(h => h.Value, StringComparer.Ordinal)];
    }

    private async Task<bool> DownloadAsync(string key, string target, CancellationToken cancellation)
    {
        try
        {
            using var file = new AtomicFile(target);
            if (!await remote.DownloadAsync(key, file.TempPath, cancellation)) return false;
            try
            {
                RunCacheEntryFile.OutputHashes(await File.ReadAllTextAsync(file.TempPath, cancellation));
            }
            catch (FormatException e)
            {
                report.AddFailure(new TransferFailure(key, remote.Describe(key), $"not a run-cache entry ({e.Message}); refused, not placed in the run-cache"));
                return false;
            }
            // NOTE: when another pull placed it first, theirs is as good (entries are named by the sha256 of their content).
            file.CommitIfAbsent();
            report.AddRunCacheEntry();
            return true;
        }
        catch (IOException e)
        {
            report.AddFailure(new TransferFailure(key, remote.Describe(key), e.Message));
            return false;
        }
    }

    private ParallelOptions Options(CancellationToken cancellation) => new() { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellation };
}
