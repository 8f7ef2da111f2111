using System.Runtime.ExceptionServices;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Hashes files and directories exactly as DVC 3 does (a directory's hash is its <c>.dir</c> manifest's), on several
/// threads, reading a file's bytes only when the state cache cannot vouch for it (same inode, mtime, size and ctime as
/// when it was last hashed). What the engine runs for every input and output; public for tools that hash the way a run
/// does (and the hash bench).
/// </summary>
public sealed class PathHasher
{
    private readonly Func<string, ContentHash> _hashFile;

    /// <summary>
    /// A hasher on up to <paramref name="parallelism"/> threads with its own in-memory state cache: hashing an unchanged
    /// path again with the same hasher reads no bytes.
    /// </summary>
    public PathHasher(int parallelism)
        : this(StateCache.InMemory(), parallelism)
    {
    }

    /// <summary>A hasher reading files with <see cref="FileHasher"/> on up to <paramref name="parallelism"/> threads.</summary>
    internal PathHasher(StateCache state, int parallelism)
        : this(state, parallelism, FileHasher.Hash)
    {
    }

    /// <summary>A hasher that reads file contents through <paramref name="hashFile"/> (tests count reads with it).</summary>
    internal PathHasher(StateCache state, int parallelism, Func<string, ContentHash> hashFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        State = state;
        Parallelism = parallelism;
        _hashFile = hashFile;
    }

    internal StateCache State { get; }

    internal int Parallelism { get; }

    /// <summary>
    /// The hash, size and (for a directory) file count of one file or directory, as <c>dvc.lock</c> and <c>.dvc</c> files
    /// record them; throws <see cref="FileNotFoundException"/> when it does not exist.
    /// </summary>
    public HashInfo Info(string absPath) => Hash(absPath).Info;

    /// <summary>Hashes one file or directory; throws <see cref="FileNotFoundException"/> when it does not exist.</summary>
    internal HashedPath Hash(string absPath) => HashAll([absPath])[0];

    /// <summary>Hashes many paths in parallel (the files of every directory too); result order matches input order.</summary>
    internal IReadOnlyList<HashedPath> HashAll(IReadOnlyList<string> absPaths)
    {
        var targets = new Target[absPaths.Count];
        ForEach(absPaths.Count, i => targets[i] = Classify(absPaths[i]));

        var files = targets.SelectMany(t => t.Files.Select(f => f.AbsPath)).Distinct(StringComparer.Ordinal).ToArray();
        var hashes = new (ContentHash Hash, long Size)[files.Length];
        ForEach(files.Length, i => hashes[i] = HashFile(files[i]));
        var byPath = new Dictionary<string, (ContentHash Hash, long Size)>(files.Length, StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++) byPath[files[i]] = hashes[i];

        return [.. targets.Select(t => t.IsDirectory ? DirectoryResult(t, byPath) : FileResult(t, byPath[t.AbsPath]))];
    }

    private static Target Classify(string absPath)
    {
        if (!Path.IsPathFullyQualified(absPath)) throw new ArgumentException($"Path '{absPath}' is not absolute; resolve it against the repository root first.", nameof(absPath));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(absPath));
        if (Directory.Exists(full)) return new Target(full, true, DirectoryWalker.Files(full));
        if (File.Exists(full)) return new Target(full, false, [("", full)]);
        throw new FileNotFoundException($"Cannot hash '{absPath}': no such file or directory.", absPath);
    }

    private (ContentHash Hash, long Size) HashFile(string absPath)
    {
        var stamp = FileStamp.Read(absPath);
        if (stamp is { } known && State.TryGet(absPath, known, out var remembered)) return (remembered, known.Size);
        var hash = _hashFile(absPath);
        if (stamp is { } before) State.Record(absPath, before, hash);
        return (hash, stamp?.Size ?? new FileInfo(absPath).Length);
    }

    private static HashedPath FileResult(Target t, (ContentHash Hash, long Size) file) =>
        new(t.AbsPath, new HashInfo(file.Hash, file.Size, null, IsExecutable(t.AbsPath)), null);

    private static HashedPath DirectoryResult(Target t, Dictionary<string, (ContentHash Hash, long Size)> byPath)
    {
        var manifest = new DirManifest(t.Files.Select(f => new DirEntry(f.RelPath, byPath[f.AbsPath].Hash)));
        var size = t.Files.Sum(f => byPath[f.AbsPath].Size);
        return new HashedPath(t.AbsPath, new HashInfo(manifest.Hash, size, t.Files.Count), manifest);
    }

    private static bool IsExecutable(string absPath) =>
        !OperatingSystem.IsWindows()
        && (File.GetUnixFileMode(absPath) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private void ForEach(int count, Action<int> body)
    {
        if (count == 0) return;
        if (count == 1 || Parallelism == 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    private sealed record Target(string AbsPath, bool IsDirectory, List<(string RelPath, string AbsPath)> Files);
}
