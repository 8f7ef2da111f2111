using LibGit2Sharp;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Reproduce;

/// <summary>
/// <c>Reproduce --rev X</c>: rebuilds a commit in a temporary git worktree (the user's working tree, index and HEAD
/// untouched) sharing the local cache, then compares every output hash with the commit's dvc.lock.
/// </summary>
public static class Reproducer
{
    private const string LockFileName = "dvc.lock";

    /// <summary>
    /// Checks out <paramref name="rev"/>, restores its <c>.dvc</c>-tracked data, calls <paramref name="runPipeline"/> with
    /// the worktree's pipeline root (it should re-execute every stage, e.g. <c>./build.sh --force</c>) and compares.
    /// The worktree is removed at the end, also when the run throws.
    /// </summary>
    public static ReproduceReport Run(string repoRoot, string rev, Func<string, int> runPipeline, ReproduceOptions? options = null)
    {
        options ??= new ReproduceOptions();
        var pipelineRoot = Path.GetFullPath(repoRoot);
        string gitRoot, commitSha;
        using (var repo = GitRepositoryLocator.Open(pipelineRoot))
        {
            gitRoot = repo.Info.WorkingDirectory ?? throw new UsageException($"'{pipelineRoot}' is in a bare repository; Reproduce needs a working tree.");
            commitSha = repo.Lookup<Commit>(rev)?.Sha
                ?? throw new UsageException($"Revision '{rev}' is not a commit in {gitRoot}. Try a SHA, a tag, a branch or HEAD~1.");
        }
        var cacheRoot = DvcConfig.Load(pipelineRoot).CacheRoot;
        using var worktree = GitWorktree.Add(gitRoot, commitSha);
        var root = Path.Combine(worktree.Path, Path.GetRelativePath(gitRoot, pipelineRoot));
        var notes = new List<string>();
        ShareCache(root, cacheRoot);
        RestoreTrackedData(root, cacheRoot, options, notes);
        var expected = LockFile.Load(Path.Combine(root, LockFileName));
        var exitCode = runPipeline(root);
        var actual = LockFile.Load(Path.Combine(root, LockFileName));
        return new ReproduceReport(rev, commitSha, exitCode, LockComparison.Compare(expected, actual), notes);
    }

    private static void ShareCache(string root, string cacheRoot)
    {
        var dvcDir = Directory.CreateDirectory(Path.Combine(root, ".dvc")).FullName;
        Directory.CreateDirectory(cacheRoot);
        var local = DvcConfigFile.Load(Path.Combine(dvcDir, "config.local"));
        local.Set("cache", "dir", cacheRoot);
        local.Save(Path.Combine(dvcDir, "config.local"));
        // NOTE: DVC honours cache.dir; the engine reads .dvc/cache directly, so that path links to the same cache.
        var link = Path.Combine(dvcDir, "cache");
        if (!Directory.Exists(link)) Directory.CreateSymbolicLink(link, cacheRoot);
    }

    private static void RestoreTrackedData(string root, string cacheRoot, ReproduceOptions options, List<string> notes)
    {
        var tracked = TrackedOutputs.Collect(root, targets: null, includeLockOutputs: false);
        var cache = new ObjectCache(cacheRoot);
        TransferReport report;
        if (tracked.All(t => cache.Contains(t.Info.Hash)) || DvcConfig.Load(root).DefaultRemote is null && options.Remote is null)
        {
            report = new TransferReport("pull", "(local cache)");
            WorkspaceRestorer.Restore(root, cache, tracked, report);
        }
        else
        {
            report = Transfer.PullOutputs(root, options.Remote, null, new TransferOptions(), includeLockOutputs: false);
        }
        notes.AddRange(report.Failures.Select(f => $"input {f.Location} ({f.Hash}) could not be restored: {f.Reason}"));
    }
}
