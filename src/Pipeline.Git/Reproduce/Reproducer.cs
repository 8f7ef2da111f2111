using Pipeline.Engine.Dvc;
using Pipeline.Git.Workspaces;

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
        using var workspace = TemporaryWorkspace.Open(repoRoot, rev, (options ?? new ReproduceOptions()).Remote);
        var expected = LockFile.Load(Path.Combine(workspace.Root, LockFileName));
        var exitCode = runPipeline(workspace.Root);
        var actual = LockFile.Load(Path.Combine(workspace.Root, LockFileName));
        return new ReproduceReport(rev, workspace.CommitSha, exitCode, LockComparison.Compare(expected, actual), workspace.Notes);
    }
}
