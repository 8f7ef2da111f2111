using Pipeline.Engine.Dvc;

namespace Pipeline.Git.Commits;

/// <summary>
/// Files the pipeline depends on that no stage produces (an inferred data/schema.yaml, a small source file): they
/// belong in git, or a fresh clone could not reproduce the run. Larger ones (over 1 MiB) are left to `./build.sh Track`.
/// </summary>
internal static class SourceDependencies
{
    private const long MaxBytes = 1 << 20;

    public static IEnumerable<string> Of(string pipelineRoot)
    {
        var lockPath = Path.Combine(pipelineRoot, "dvc.lock");
        if (!File.Exists(lockPath)) return [];
        var lockFile = LockFile.Load(lockPath);
        var entries = lockFile.StageNames.Select(lockFile.Get).OfType<StageLock>().ToList();
        var outputs = entries.SelectMany(e => e.Outs).Select(o => o.Path).ToList();
        return entries.SelectMany(e => e.Deps).Select(d => d.Path).Distinct()
            .Where(p => !p.StartsWith(".nuke/", StringComparison.Ordinal))
            .Where(p => !outputs.Any(o => p == o || p.StartsWith(o + "/", StringComparison.Ordinal)))
            .Where(p => new FileInfo(Path.Combine(pipelineRoot, p)) is { Exists: true, Length: <= MaxBytes })
            .ToList();
    }
}
