using System.Security.Cryptography;
using Pipeline.Engine.Dvc;

namespace Pipeline.Git.Remotes;

/// <summary>Copies run-cache entries (<c>&lt;cache&gt;/runs/…</c> ↔ <c>&lt;remote&gt;/runs/…</c>) whole, skipping those present.</summary>
internal static class RunCacheTransfer
{
    /// <summary>Uploads every local entry the remote lacks.</summary>
    public static void Push(string cacheRoot, RemoteStore remote, TransferReport report)
    {
        var runs = Path.Combine(cacheRoot, "runs");
        if (!Directory.Exists(runs)) return;
        foreach (var file in Directory.EnumerateFiles(runs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).StartsWith('.')) continue;
            var key = RemoteLayout.RunsPrefix + Path.GetRelativePath(runs, file).Replace(Path.DirectorySeparatorChar, '/');
            if (remote.Exists(key)) continue;
            remote.Upload(file, key);
            report.AddRunCacheEntry();
        }
    }

    /// <summary>Downloads every remote entry the local run-cache lacks (temp file, then rename).</summary>
    public static void Pull(string cacheRoot, RemoteStore remote, TransferReport report)
    {
        foreach (var key in remote.List(RemoteLayout.RunsPrefix))
        {
            // NOTE: a listed key is a path too: only DVC's runs/<2>/<sha256>/<sha256> names lead to a file inside the cache.
            if (!RunCache.IsEntryKey(key))
            {
                report.AddFailure(new TransferFailure("", key, "not a run-cache entry name (runs/<2 hex>/<sha256>/<sha256>); not downloaded"));
                continue;
            }
            var target = Path.Combine(cacheRoot, key.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(target)) continue;
            var dir = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $".{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
            try
            {
                remote.Download(key, temp);
                File.Move(temp, target, overwrite: false);
                report.AddRunCacheEntry();
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
