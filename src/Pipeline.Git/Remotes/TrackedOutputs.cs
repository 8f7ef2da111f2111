using Pipeline.Engine.Dvc;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>Collects the outputs a push or pull moves: every out of dvc.lock and every <c>.dvc</c> file (docs/dvc-format.md §13.4).</summary>
internal static class TrackedOutputs
{
    private const string LockFileName = "dvc.lock";

    /// <summary>
    /// The outputs of the repository at <paramref name="repoRoot"/> with a recorded hash. <paramref name="targets"/>
    /// (stage names, output paths or .dvc file paths) narrow the selection; null or empty takes everything. A path
    /// outside the repository (or a pipeline file, or one through a link that leaves it) throws
    /// <see cref="Pipeline.Engine.Failures.RepositoryStateException"/> naming the file, before anything is transferred.
    /// </summary>
    public static IReadOnlyList<TrackedOutput> Collect(string repoRoot, IReadOnlyCollection<string>? targets, bool includeLockOutputs = true)
    {
        var root = Path.GetFullPath(repoRoot);
        var outputs = new List<TrackedOutput>();
        if (includeLockOutputs)
        {
            var lockFile = LockFile.Load(Path.Combine(root, LockFileName));
            foreach (var stage in lockFile.StageNames)
            {
                foreach (var output in lockFile.Get(stage)!.Outs)
                {
                    if (output.Info is null || !Selected(targets, stage, output.Path)) continue;
                    var path = RepoPath.FromRecorded(output.Path, "", root, $"{LockFileName} (stage {stage})").Value;
                    outputs.Add(new TrackedOutput(path, output.Info, $"{LockFileName}:{stage}"));
                }
            }
        }
        foreach (var dvcFile in DvcFiles(root))
        {
            var relFile = Path.GetRelativePath(root, dvcFile).Replace(Path.DirectorySeparatorChar, '/');
            var (path, info) = DvcFile.Parse(File.ReadAllText(dvcFile));
            var dir = Path.GetDirectoryName(relFile)!.Replace(Path.DirectorySeparatorChar, '/');
            var repoPath = RepoPath.FromRecorded(path, dir, root, relFile).Value;
            if (Selected(targets, relFile, repoPath)) outputs.Add(new TrackedOutput(repoPath, info, relFile));
        }
        return outputs;
    }

    private static bool Selected(IReadOnlyCollection<string>? targets, string owner, string path) =>
        targets is null || targets.Count == 0 ||
        targets.Any(t => t == owner || t.TrimEnd('/') == path || t.Replace('\\', '/').TrimEnd('/') == path);

    private static IEnumerable<string> DvcFiles(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.dvc").Order(StringComparer.Ordinal))
            yield return file;
        foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(sub);
            if (name is ".git" or ".dvc") continue;
            foreach (var file in DvcFiles(sub)) yield return file;
        }
    }
}
