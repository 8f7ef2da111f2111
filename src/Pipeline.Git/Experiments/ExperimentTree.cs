using LibGit2Sharp;
using Pipeline.Engine.Failures;

namespace Pipeline.Git.Experiments;

/// <summary>Builds an experiment's tree: the baseline tree with the worktree's changed and new non-ignored files applied.</summary>
internal static class ExperimentTree
{
    private const FileStatus Changed = FileStatus.NewInWorkdir | FileStatus.ModifiedInWorkdir | FileStatus.TypeChangeInWorkdir |
                                       FileStatus.NewInIndex | FileStatus.ModifiedInIndex | FileStatus.TypeChangeInIndex | FileStatus.RenamedInWorkdir;

    private const FileStatus Deleted = FileStatus.DeletedFromWorkdir | FileStatus.DeletedFromIndex;

    /// <summary>The tree definition; blobs are written to <paramref name="repo"/>'s object database.</summary>
    public static TreeDefinition Build(Repository repo, Commit baseline, string worktreeRoot)
    {
        var gitDir = Repository.Discover(worktreeRoot)
            ?? throw new UsageException($"'{worktreeRoot}' is not a git worktree; run the experiment in `git worktree add --detach <dir> {baseline.Sha[..7]}`.");
        using var worktree = new Repository(gitDir);
        var workRoot = worktree.Info.WorkingDirectory;
        var definition = TreeDefinition.From(baseline);
        var status = worktree.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false });
        foreach (var entry in status.Where(e => e.State != FileStatus.Ignored).OrderBy(e => e.FilePath, StringComparer.Ordinal))
        {
            if ((entry.State & Deleted) != 0)
            {
                definition.Remove(entry.FilePath);
                continue;
            }
            if ((entry.State & Changed) == 0) continue;
            var abs = Path.Combine(workRoot, entry.FilePath);
            var blob = repo.ObjectDatabase.CreateBlob(abs);
            var mode = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(abs) & UnixFileMode.UserExecute) != 0 ? Mode.ExecutableFile : Mode.NonExecutableFile;
            definition.Add(entry.FilePath, blob, mode);
        }
        return definition;
    }
}
