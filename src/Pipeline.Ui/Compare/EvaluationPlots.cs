using LibGit2Sharp;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Git;
using Pipeline.Git.Experiments;

namespace Pipeline.Ui.Compare;

/// <summary>
/// The evaluation plots (the PNGs Evaluate writes under <c>reports/evaluation</c>) of one row of the experiments
/// table: the workspace's files, or for a commit or experiment the objects its dvc.lock names in the local DVC cache.
/// No path comes from the URL: a commit's files are found through its dvc.lock's hashes.
/// </summary>
internal static class EvaluationPlots
{
    /// <summary>The folder Evaluate declares as its plots.</summary>
    public const string Folder = "reports/evaluation";

    /// <summary>The plots by file name (in name order), or a message saying why there are none.</summary>
    public static (IReadOnlyList<KeyValuePair<string, byte[]>> Plots, string? Problem) Read(string root, ExperimentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return row.Commit is { } sha ? FromCommit(root, row.Name, sha) : FromWorkspace(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or RepositoryStateException or LibGit2SharpException or InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            return ([], $"The plots of {row.Name} cannot be read: {e.Message}");
        }
    }

    private static (IReadOnlyList<KeyValuePair<string, byte[]>>, string?) FromWorkspace(string root)
    {
        var folder = Path.Combine(root, "reports", "evaluation");
        if (!Directory.Exists(folder)) return ([], $"The workspace has no {Folder} yet: run ./build.sh Evaluate.");
        var plots = Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        return (plots, plots.Count == 0 ? $"The workspace's {Folder} holds no plots." : null);
    }

    private static (IReadOnlyList<KeyValuePair<string, byte[]>>, string?) FromCommit(string root, string name, string sha)
    {
        using var repo = GitRepositoryLocator.Open(root);
        var prefix = Path.GetRelativePath(repo.Info.WorkingDirectory ?? root, root).Replace(Path.DirectorySeparatorChar, '/');
        var lockPath = prefix == "." ? "dvc.lock" : $"{prefix}/dvc.lock";
        if (repo.Lookup<Commit>(sha)?[lockPath]?.Target is not Blob blob) return ([], $"The commit of {name} has no dvc.lock, so no recorded plots.");
        var locks = LockFile.Parse(blob.GetContentText());
        var recorded = locks.StageNames.Select(s => locks.Get(s)).SelectMany(s => s?.Outs ?? []).FirstOrDefault(o => o.Path == Folder)?.Info;
        if (recorded is null || !recorded.Hash.IsDirectory) return ([], $"The dvc.lock of {name} records no {Folder} output.");
        var cache = new ObjectCache(Path.Combine(root, ".dvc", "cache"));
        var manifestPath = cache.ObjectPath(recorded.Hash);
        if (!File.Exists(manifestPath)) return ([], $"The plots of {name} are not in the local DVC cache: fetch them with ./build.sh Pull (or dvc pull) at that commit.");
        var manifest = DirManifest.Parse(File.ReadAllBytes(manifestPath));
        var plots = new List<KeyValuePair<string, byte[]>>();
        foreach (var entry in manifest.Entries.Where(e => e.RelPath.EndsWith(".png", StringComparison.Ordinal) && !e.RelPath.Contains('/', StringComparison.Ordinal)))
        {
            var stored = cache.ObjectPath(entry.Md5);
            if (File.Exists(stored)) plots.Add(KeyValuePair.Create(entry.RelPath, File.ReadAllBytes(stored)));
        }
        return (plots, plots.Count == 0 ? $"The plots of {name} are not in the local DVC cache." : null);
    }
}
