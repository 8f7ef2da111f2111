using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Execution;

/// <summary><c>./build.sh Track &lt;path&gt;</c>: like <c>dvc add</c>, hashes a file or directory into the cache and writes its <c>.dvc</c> file.</summary>
internal static class TrackCommand
{
    public static int Run(RepositoryLayout layout, PathHasher hasher, IReadOnlyList<string> paths, RunConsole console)
    {
        if (paths.Count == 0) throw new UsageException("Track needs a path: ./build.sh Track data/external/customers.csv");
        // NOTE: every path is checked before anything is written, so a bad one in a list leaves the repository as it was.
        var tracked = paths.Select(given => (Given: given, Path: Resolve(layout, given))).ToList();
        DvcRepository.EnsureInitialized(layout.Root);
        var cache = new ObjectCache(layout.CacheRoot, hasher.State, console.Warning);
        foreach (var (given, path) in tracked)
        {
            var abs = path.ToAbsolute(layout.Root);
            if (!File.Exists(abs) && !Directory.Exists(abs)) throw new UsageException($"'{given}' does not exist; Track takes an existing file or directory.");
            var hashed = hasher.Hash(abs);
            cache.Add(hashed);
            var name = Path.GetFileName(abs);
            AtomicFile.WriteAllText(abs + ".dvc", DvcFile.ToText(hashed.Info, name));
            GitIgnoreFile.AddEntry(Path.Combine(Path.GetDirectoryName(abs)!, ".gitignore"), "/" + name);
            console.Line($"Tracked {path}: {hashed.Info.Hash} ({hashed.Info.Size} bytes) -> {path}.dvc");
        }
        hasher.State.Save();
        return 0;
    }

    private static RepoPath Resolve(RepositoryLayout layout, string given)
    {
        RepoPath path;
        try
        {
            path = RepoPath.Parse(given, layout.Root);
            path.ResolveInside(layout.Root);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new UsageException($"Track: {e.Message} Track takes files and directories inside the repository ({layout.Root}); copy the data in first.");
        }
        if (path.IsPipelineFile)
            throw new UsageException($"Track: '{given}' is {RepoPath.PipelineFilesRule}. Track takes data files and directories.");
        return path;
    }
}
