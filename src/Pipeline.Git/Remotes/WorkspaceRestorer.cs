using Pipeline.Engine.Caching;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>Checks outputs out of the cache where the workspace lacks them or holds different bytes (docs/dvc-format.md §4.3).</summary>
internal static class WorkspaceRestorer
{
    /// <summary>Restores each output whose objects are all cached; the others are reported as failures.</summary>
    public static void Restore(string repoRoot, ObjectCache cache, IEnumerable<TrackedOutput> outputs, TransferReport report)
    {
        foreach (var output in outputs)
        {
            var abs = Path.Combine(repoRoot, output.RepoPath.Replace('/', Path.DirectorySeparatorChar));
            if (Matches(abs, output.Info.Hash)) continue;
            if (!cache.Contains(output.Info.Hash))
            {
                var why = cache.Problem(output.Info.Hash, expectedSize: null)?.Detail ?? "is not (or not intact) in the cache";
                report.AddFailure(new TransferFailure(output.Info.Hash.Value, output.RepoPath, $"not checked out: its data {why}"));
                continue;
            }
            try
            {
                cache.Checkout(output.Info.Hash, abs, output.Info.IsExecutable);
                report.AddCheckedOut();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or RepositoryStateException)
            {
                report.AddFailure(new TransferFailure(output.Info.Hash.Value, output.RepoPath, $"checkout failed: {e.Message}"));
            }
        }
    }

    /// <summary>True when <paramref name="abs"/> already holds exactly the data of <paramref name="hash"/>.</summary>
    public static bool Matches(string abs, ContentHash hash)
    {
        if (hash.IsDirectory)
        {
            if (!Directory.Exists(abs)) return false;
            var entries = DirectoryWalker.Files(abs).Select(f => new DirEntry(f.RelPath, FileHasher.Hash(f.AbsPath)));
            return new DirManifest(entries).Hash == hash;
        }
        return File.Exists(abs) && FileHasher.Hash(abs) == hash;
    }
}
