using LibGit2Sharp;
using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Git.Diffs;
using GitCommitOptions = LibGit2Sharp.CommitOptions;

namespace Pipeline.Git.Commits;

/// <summary>Commits exactly the pipeline's tracked files after a run (<c>--commit</c>), with a message saying what ran and what changed.</summary>
public static class PipelineCommitter
{
    private const FileStatus Staged = FileStatus.NewInIndex | FileStatus.ModifiedInIndex | FileStatus.DeletedFromIndex
        | FileStatus.RenamedInIndex | FileStatus.TypeChangeInIndex;

    private const FileStatus Unstaged = FileStatus.NewInWorkdir | FileStatus.ModifiedInWorkdir | FileStatus.DeletedFromWorkdir
        | FileStatus.RenamedInWorkdir | FileStatus.TypeChangeInWorkdir;

    /// <summary>
    /// Stages the pipeline's changed files (never git-ignored ones) and commits them on the current branch.
    /// Returns null when nothing changed.
    /// </summary>
    /// <param name="repoRoot">The pipeline root (the git working tree or a directory inside it).</param>
    /// <param name="outcomes">How each target of the run ended.</param>
    /// <param name="options">Identity, clock and safety switches.</param>
    /// <exception cref="RepositoryStateException">HEAD is detached, or the index holds staged changes to other files.</exception>
    public static PipelineCommit? Commit(string repoRoot, IReadOnlyList<TargetRunResult> outcomes, CommitOptions options)
    {
        using var repo = GitRepositoryLocator.Open(repoRoot);
        var prefix = PrefixOf(repo, repoRoot);
        if (repo.Info.IsHeadDetached && !options.AllowDetached)
            throw new RepositoryStateException($"HEAD is detached at {repo.Head.Tip.Sha[..7]}; the commit would belong to no branch. Switch to a branch first (git switch <branch>) or pass --allow-detached.");

        var head = repo.Head.Tip;
        var headReader = head is null ? null : RevisionReader.For(repo, head, "HEAD", prefix);
        var workspace = RevisionReader.For(repo, null, prefix);
        var metricFiles = DeclaredMetrics(headReader).Union(DeclaredMetrics(workspace)).ToList();
        var files = new PipelineFileSet(prefix, metricFiles.Concat(DeclaredParams(headReader)).Concat(DeclaredParams(workspace))
            .Concat(SourceDependencies.Of(repoRoot)));

        var status = repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false });
        RefuseUnrelatedStagedChanges(status, files, options);
        var toStage = status.Where(e => (e.State & Unstaged) != 0 && files.Contains(e.FilePath)).Select(e => e.FilePath).ToList();
        if (toStage.Count > 0) Commands.Stage(repo, toStage);

        var changed = repo.Diff.Compare<TreeChanges>(head?.Tree, DiffTargets.Index)
            .Select(c => c.Path).Order(StringComparer.Ordinal).ToList();
        if (changed.Count == 0) return null;

        var old = headReader is null ? [] : RevisionData.Load(headReader, metricFiles, metrics: true);
        var metricChanges = DiffComputation.Rows(old, RevisionData.Load(workspace, metricFiles, metrics: true), all: false);
        var message = CommitMessage.Build(outcomes, metricChanges, changed, options.MetricsInSubject);
        var when = TimeZoneInfo.ConvertTime(options.Time.GetUtcNow(), options.Time.LocalTimeZone);
        var author = new Signature(options.Author.Name, options.Author.Email, when);
        var committer = options.Committer is { } c ? new Signature(c.Name, c.Email, when) : author;
        var commit = repo.Commit(message, author, committer, new GitCommitOptions { PrettifyMessage = false });
        return new PipelineCommit(commit.Sha, message, changed);
    }

    private static void RefuseUnrelatedStagedChanges(RepositoryStatus status, PipelineFileSet files, CommitOptions options)
    {
        if (options.AllowDirtyIndex) return;
        var unrelated = status.Where(e => (e.State & Staged) != 0 && !files.Contains(e.FilePath)).Select(e => e.FilePath).Order(StringComparer.Ordinal).ToList();
        if (unrelated.Count == 0) return;
        var listed = string.Join(", ", unrelated.Take(5)) + (unrelated.Count > 5 ? $" and {unrelated.Count - 5} more" : "");
        throw new RepositoryStateException($"The index has staged changes to files outside the pipeline: {listed}. Commit or unstage them first (git restore --staged <file>), or pass --allow-dirty-index to commit them too.");
    }

    private static IEnumerable<string> DeclaredMetrics(RevisionReader? reader) =>
        reader is null ? [] : PipelineFiles.Metrics(RevisionData.PipelineDefinition(reader));

    private static List<string> DeclaredParams(RevisionReader? reader) =>
        reader is null ? [] : [.. PipelineFiles.Params(RevisionData.PipelineDefinition(reader)).Keys];

    private static string PrefixOf(Repository repo, string repoRoot)
    {
        var workdir = Path.GetFullPath(repo.Info.WorkingDirectory);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoRoot)) + Path.DirectorySeparatorChar;
        var relative = Path.GetRelativePath(workdir, root).Replace('\\', '/');
        return relative is "." or "./" ? "" : relative.TrimEnd('/') + "/";
    }
}
