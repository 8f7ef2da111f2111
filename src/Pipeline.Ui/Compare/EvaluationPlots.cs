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
/// The evaluation outputs Evaluate writes under <c>reports/evaluation</c> (the PNG plots, the curves' CSV points) of one
/// row of the experiments table: the workspace's files, or for a commit or experiment the objects its dvc.lock names in
/// the local DVC cache. No path comes from the URL: a commit's files are found through its dvc.lock's hashes.
/// </summary>
internal static class EvaluationPlots
{
    /// <summary>The folder Evaluate declares as its plots.</summary>
    public const string Folder = "reports/evaluation";

    /// <summary>The PNG plots by file name (in name order), or a message saying why there are none.</summary>
    public static (IReadOnlyList<KeyValuePair<string, byte[]>> Plots, string? Problem) Read(string root, ExperimentRow row)
    {
        var (files, problem) = Files(root, row, ".png");
        return (files.Select(f => KeyValuePair.Create(f.Key, File.ReadAllBytes(f.Value))).ToList(), problem);
    }

    /// <summary>
    /// The files ending in <paramref name="extension"/> by name (in name order) with the path they are read from (the
    /// workspace's file or the cache object), or a message saying why there are none.
    /// </summary>
    public static (IReadOnlyList<KeyValuePair<string, string>> Files, string? Problem) Files(string root, ExperimentRow row, string extension)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return row.Commit is { } sha ? FromCommit(root, row.Name, sha, extension) : FromWorkspace(root, extension);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or RepositoryStateException or LibGit2SharpException or InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            return ([], $"The plots of {row.Name} cannot be read: {e.Message}");
        }
    }

    private static (IReadOnlyList<KeyValuePair<string, string>>, string?) FromWorkspace(string root, string extension)
    {
        var folder = Path.Combine(root, "reports", "evaluation");
        if (!Directory.Exists(folder)) return ([], $"The workspace has no {Folder} yet: run ./build.sh Evaluate.");
        var files = Directory.EnumerateFiles(folder, "*" + extension).Order(StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create(Path.GetFileName(f), f)).ToList();
        return (files, files.Count == 0 ? $"The workspace's {Folder} holds no plots." : null);
    }

    private static (IReadOnlyList<KeyValuePair<string, string>>, string?) FromCommit(string root, string name, string sha, string extension)
    {
        using var repo = GitRepositoryLocator.Open(root);
        if (CommitFile.Read(repo, root, sha, "dvc.lock") is not { } lockText) return ([], $"The commit of {name} has no dvc.lock, so no recorded plots.");
        var locks = LockFile.Parse(lockText);
        var recorded = locks.StageNames.Select(s => locks.Get(s)).SelectMany(s => s?.Outs ?? []).FirstOrDefault(o => o.Path == Folder)?.Info;
        if (recorded is null || !recorded.Hash.IsDirectory) return ([], $"The dvc.lock of {name} records no {Folder} output.");
        var cache = new ObjectCache(Path.Combine(root, ".dvc", "cache"));
        var manifestPath = cache.ObjectPath(recorded.Hash);
        if (!File.Exists(manifestPath)) return ([], $"The plots of {name} are not in the local DVC cache: fetch them with ./build.sh Pull (or dvc pull) at that commit.");
        var manifest = DirManifest.Parse(File.ReadAllBytes(manifestPath));
        var files = new List<KeyValuePair<string, string>>();
        foreach (var entry in manifest.Entries.Where(e => e.RelPath.EndsWith(extension, StringComparison.Ordinal) && !e.RelPath.Contains('/', StringComparison.Ordinal)))
        {
            var stored = cache.ObjectPath(entry.Md5);
            if (File.Exists(stored)) files.Add(KeyValuePair.Create(entry.RelPath, stored));
        }
        return (files, files.Count == 0 ? $"The plots of {name} are not in the local DVC cache." : null);
    }
}
