using Pipeline.Git.Workspaces;

namespace Pipeline.Git.Slurm;

/// <summary>
/// A job's own checkout of the driver's commit (two runs cannot share one workspace: the second stops on the
/// repository lock), holding the driver's dvc.lock, params.yaml, uncommitted files, DVC remote settings and its already-compiled build,
/// so the worker neither recompiles (~80 s) nor sees a different pipeline state.
/// </summary>
internal sealed class WorkerCheckout : IDisposable
{
    // NOTE: what a commit does not carry but the worker must share with the driver: the pipeline state (dvc.lock,
    // params.yaml as --set left it), the remote's local settings and credentials, and the compiled build with the
    // stamps build.sh compares (equal sources keep it from recompiling).
    private static readonly string[] SharedFiles = ["dvc.lock", "params.yaml", ".dvc/config", ".dvc/config.local", ".nuke/temp/build.stamp", ".nuke/temp/build.stamp.meta"];
    private const string CompiledBuild = "build/bin/_build";

    private readonly GitWorktree _worktree;

    private WorkerCheckout(GitWorktree worktree) => _worktree = worktree;

    public string Root => _worktree.Path;

    // NOTE: files the driver itself writes for every run (from the same code): never taken back from a worker.
    private static readonly string[] DriverOwned = ["dvc.yaml", "dvc.lock", "params.yaml", ".dvc/", ".nuke/", ".github/"];

    /// <summary>Checks <paramref name="commitSha"/> out under <paramref name="workDirectory"/>, a folder every node sees at the same path.</summary>
    public static WorkerCheckout Create(string driverRoot, string commitSha, string workDirectory)
    {
        var worktree = GitWorktree.Add(driverRoot, commitSha, workDirectory);
        try
        {
            foreach (var file in SharedFiles) CopyIfPresent(Path.Combine(driverRoot, file), Path.Combine(worktree.Path, file));
            // NOTE: the worker must see the workspace a local run would: the driver's uncommitted files too (e.g. a schema
            // an earlier job inferred and the driver took back), not only what the commit holds.
            foreach (var file in GitWorktree.ChangedFiles(driverRoot).Where(f => !IsDriverOwned(f)))
                CopyIfPresent(Path.Combine(driverRoot, file), Path.Combine(worktree.Path, file));
            CopyTree(Path.Combine(driverRoot, CompiledBuild), Path.Combine(worktree.Path, CompiledBuild));
            return new WorkerCheckout(worktree);
        }
        catch
        {
            worktree.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Files the job wrote that are not among <paramref name="declared"/> outputs (e.g. a schema a target infers on its
    /// first run), nor pipeline files the driver writes itself: what a local run would have left in the workspace.
    /// </summary>
    public IReadOnlyList<string> UndeclaredWrites(IReadOnlyCollection<string> declared) =>
        _worktree.ChangedFiles()
            .Where(f => !IsDriverOwned(f))
            .Where(f => !declared.Any(d => f == d || f.StartsWith(d.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .ToList();

    private static bool IsDriverOwned(string file) => DriverOwned.Any(o => o.EndsWith('/') ? file.StartsWith(o, StringComparison.Ordinal) : file == o);

    private static void CopyIfPresent(string from, string to)
    {
        if (!File.Exists(from)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from)) return;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            CopyIfPresent(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    public void Dispose() => _worktree.Dispose();
}
