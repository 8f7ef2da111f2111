using LibGit2Sharp;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>
/// A temp git repository laid out like a DVC project: <c>data/raw.csv</c> tracked by a .dvc file, and a stage
/// <c>train</c> whose outputs (<c>models/model.bin</c>, directory <c>reports/</c>) are in dvc.lock and the cache.
/// Everything is committed; outputs are git-ignored. Disposing deletes the repository and every clone made.
/// </summary>
internal sealed class RemoteTestRepo : IDisposable
{
    private static readonly DateTimeOffset When = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly List<DirectoryInfo> _dirs = [];

    public RemoteTestRepo()
    {
        var dir = Directory.CreateTempSubdirectory("gitremote-");
        _dirs.Add(dir);
        Root = Path.Combine(dir.FullName, "repo");
        RemoteRoot = Path.Combine(dir.FullName, "remote");
        Repository.Init(Root);
        DvcRepository.EnsureInitialized(Root);
        Cache = new ObjectCache(Path.Combine(Root, ".dvc", "cache"));
        Write("data/raw.csv", "id,x\n1,2\n");
        Write("models/model.bin", "model-v1");
        Write("reports/a.txt", "alpha");
        Write("reports/sub/b.txt", "beta");
        var raw = Track("data/raw.csv");
        File.WriteAllText(Path.Combine(Root, "data", "raw.csv.dvc"), DvcFile.ToText(raw.Info, "raw.csv"));
        Write("data/.gitignore", "/raw.csv\n");
        Write(".gitignore", "/models\n/reports\n");
        var lockFile = LockFile.Parse("");
        lockFile.Set("train", new StageLock("train", [new LockedPath("data/raw.csv", raw.Info)], [],
            [new LockedPath("models/model.bin", Track("models/model.bin").Info), new LockedPath("reports", Track("reports").Info)]));
        lockFile.Save(Path.Combine(Root, "dvc.lock"));
        Commit(Root, "pipeline");
    }

    /// <summary>The repository's working tree.</summary>
    public string Root { get; }

    /// <summary>A directory meant as the DVC remote (not created until pushed to).</summary>
    public string RemoteRoot { get; }

    /// <summary>The repository's cache.</summary>
    public ObjectCache Cache { get; }

    /// <summary>Writes a file below the root, creating directories.</summary>
    public void Write(string relPath, string text)
    {
        var path = Path.Combine(Root, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Hashes a file or directory below the root and adds it to the cache.</summary>
    public HashedPath Track(string relPath)
    {
        var hashed = Hash(Path.Combine(Root, relPath));
        Cache.Add(hashed);
        return hashed;
    }

    /// <summary>Hashes a file or directory as the engine does.</summary>
    public static HashedPath Hash(string abs)
    {
        if (File.Exists(abs)) return new HashedPath(abs, new HashInfo(FileHasher.Hash(abs), new FileInfo(abs).Length), null);
        var files = DirectoryWalker.Files(abs);
        var manifest = new DirManifest(files.Select(f => new DirEntry(f.RelPath, FileHasher.Hash(f.AbsPath))));
        return new HashedPath(abs, new HashInfo(manifest.Hash, files.Sum(f => new FileInfo(f.AbsPath).Length), files.Count), manifest);
    }

    /// <summary>Stages everything and commits with a fixed signature; returns the commit.</summary>
    public static Commit Commit(string workTree, string message)
    {
        using var repo = new Repository(workTree);
        Commands.Stage(repo, "*");
        var who = new Signature("Test", "test@example.com", When);
        return repo.Commit(message, who, who);
    }

    /// <summary>A fresh <c>git clone</c> of the repository (no cache, no outputs).</summary>
    public string Clone()
    {
        var dir = Directory.CreateTempSubdirectory("gitremote-clone-");
        _dirs.Add(dir);
        var path = Path.Combine(dir.FullName, "clone");
        Repository.Clone(Root, path);
        return path;
    }

    /// <summary>Points <c>core.remote</c> of <paramref name="repoRoot"/> at <see cref="RemoteRoot"/>.</summary>
    public void ConfigureRemote(string repoRoot)
    {
        var config = Path.Combine(repoRoot, ".dvc", "config");
        var file = Pipeline.Git.Remotes.DvcConfigFile.Load(config);
        file.AddRemote("storage", RemoteRoot, makeDefault: true);
        file.Save(config);
    }

    public void Dispose()
    {
        foreach (var dir in _dirs)
        {
            if (dir.Exists) dir.Delete(recursive: true);
        }
    }
}
