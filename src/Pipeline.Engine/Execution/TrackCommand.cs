using Pipeline.Engine.IO;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Execution;

/// <summary><c>./build.sh Track &lt;path&gt;</c>: like <c>dvc add</c>, hashes a file or directory into the cache and writes its <c>.dvc</c> file.</summary>
internal static class TrackCommand
{
    public static int Run(RepositoryLayout layout, PathHasher hasher, IReadOnlyList<string> paths, RunConsole console)
    {
        if (paths.Count == 0) throw new UsageException("Track needs a path: ./build.sh Track data/external/customers.csv");
        DvcRepository.EnsureInitialized(layout.Root);
        var cache = new ObjectCache(layout.CacheRoot);
        foreach (var given in paths)
        {
            var rel = StageReader.Normalize(Path.GetRelativePath(layout.Root, Path.GetFullPath(given, layout.Root)));
            var abs = Path.Combine(layout.Root, rel);
            if (rel.StartsWith("..", StringComparison.Ordinal)) throw new UsageException($"'{given}' is outside the repository ({layout.Root}).");
            if (!File.Exists(abs) && !Directory.Exists(abs)) throw new UsageException($"'{given}' does not exist; Track takes an existing file or directory.");
            var hashed = hasher.Hash(abs);
            cache.Add(hashed);
            var name = Path.GetFileName(abs);
            AtomicFile.WriteAllText(abs + ".dvc", DvcFile.ToText(hashed.Info, name));
            GitIgnoreFile.AddEntry(Path.Combine(Path.GetDirectoryName(abs)!, ".gitignore"), "/" + name);
            console.Line($"Tracked {rel}: {hashed.Info.Hash} ({hashed.Info.Size} bytes) -> {rel}.dvc");
        }
        hasher.State.Save();
        return 0;
    }
}
