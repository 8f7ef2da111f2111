using LibGit2Sharp;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Failures;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Workspaces;

/// <summary>
/// A commit checked out into a temporary detached git worktree, sharing the repository's DVC cache and with its
/// <c>.dvc</c>-tracked data restored, so a pipeline can run there while the user's working tree, index and HEAD stay
/// untouched. Disposing removes the worktree. Used by Reproduce and by experiments.
/// </summary>
public sealed class TemporaryWorkspace : IDisposable
{
    private readonly GitWorktree _worktree;

    private TemporaryWorkspace(GitWorktree worktree, string root, string commitSha, IReadOnlyList<string> notes) =>
        (_worktree, Root, CommitSha, Notes) = (worktree, root, commitSha, notes);

    /// <summary>The pipeline root inside the worktree.</summary>
    public string Root { get; }

    /// <summary>The commit checked out.</summary>
    public string CommitSha { get; }

    /// <summary>Inputs that could not be restored, and similar remarks.</summary>
    public IReadOnlyList<string> Notes { get; }

    public static TemporaryWorkspace Open(string repoRoot, string rev, string? remote = null)
    {
        var pipelineRoot = Path.GetFullPath(repoRoot);
        string gitRoot, commitSha;
        using (var repo = GitRepositoryLocator.Open(pipelineRoot))
        {
            gitRoot = repo.Info.WorkingDirectory ?? throw new UsageException($"'{pipelineRoot}' is in a bare repository; a working tree is needed.");
            commitSha = repo.Lookup<Commit>(rev)?.Sha
                ?? throw new UsageException($"Revision '{rev}' is not a commit in {gitRoot}. Try a SHA, a tag, a branch or HEAD~1.");
        }
        var cacheRoot = DvcConfig.Load(pipelineRoot).CacheRoot;
        var worktree = GitWorktree.Add(gitRoot, commitSha);
        try
        {
            var root = Path.Combine(worktree.Path, Path.GetRelativePath(gitRoot, pipelineRoot));
            ShareCache(root, cacheRoot);
            return new TemporaryWorkspace(worktree, root, commitSha, RestoreTrackedData(root, cacheRoot, remote));
        }
        catch
        {
            worktree.Dispose();
            throw;
        }
    }

    public void Dispose() => _worktree.Dispose();

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

    private static List<string> RestoreTrackedData(string root, string cacheRoot, string? remote)
    {
        var tracked = TrackedOutputs.Collect(root, targets: null, includeLockOutputs: false);
        var cache = new ObjectCache(cacheRoot);
        TransferReport report;
        if (tracked.All(t => cache.Contains(t.Info.Hash)) || DvcConfig.Load(root).DefaultRemote is null && remote is null)
        {
            report = new TransferReport("pull", "(local cache)");
            WorkspaceRestorer.Restore(root, cache, tracked, report);
        }
        else
        {
            report = Transfer.PullOutputs(root, remote, null, new TransferOptions(), includeLockOutputs: false);
        }
        return report.Failures.Select(f => $"input {f.Location} ({f.Hash}) could not be restored: {f.Reason}").ToList();
    }
}
