using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Caching;

/// <summary>
/// DVC 3's content-addressed object store (<c>.dvc/cache/files/md5/xx/…</c>): read-only objects, reflink or copy.
/// Inside the engine a state cache remembers objects whose bytes were checked (so a later check is a stat), and a
/// warning callback hears about corrupt objects found and removed.
/// </summary>
public sealed partial class ObjectCache
{
    private const UnixFileMode ObjectMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string cacheRoot;
    private readonly Action<string>? warn;
    private readonly StateCache _state;

    /// <summary>The cache at <paramref name="cacheRoot"/>; objects are checked by their bytes (no state cache), corrupt ones removed silently.</summary>
    public ObjectCache(string cacheRoot)
        : this(cacheRoot, null)
    {
    }

    internal ObjectCache(string cacheRoot, StateCache? state, Action<string>? warn = null)
    {
        this.cacheRoot = cacheRoot;
        this.warn = warn;
        _state = state ?? StateCache.InMemory();
    }

    /// <summary>The cache root, normally <c>&lt;repo&gt;/.dvc/cache</c>.</summary>
    public string Root => cacheRoot;

    /// <summary>Where an object lives: <c>&lt;root&gt;/files/md5/&lt;2 hex&gt;/&lt;30 hex&gt;[.dir]</c> (docs/dvc-format.md §4.1).</summary>
    public string ObjectPath(ContentHash hash)
    {
        if (hash.Value is null) throw new ArgumentException("The default ContentHash names no object.", nameof(hash));
        return Path.Combine(cacheRoot, "files", "md5", hash.Value[..2], hash.Value[2..]);
    }

    /// <summary>Stores a hashed file or directory (each file plus the .dir manifest); intact existing objects are not rewritten, corrupt ones are replaced.</summary>
    internal void Add(HashedPath hashed)
    {
        if (hashed.Manifest is not { } manifest)
        {
            Store(hashed.Info.Hash, temp => FileCloner.CloneOrCopy(hashed.AbsolutePath, temp));
            return;
        }
        foreach (var entry in manifest.Entries)
        {
            var source = Path.Combine(hashed.AbsolutePath, entry.RelPath.Replace('/', Path.DirectorySeparatorChar));
            Store(entry.Md5, temp => FileCloner.CloneOrCopy(source, temp));
        }
        // NOTE: the manifest goes last, so a present .dir object implies its files were all stored before it.
        var bytes = manifest.ToBytes();
        Store(manifest.Hash, temp => File.WriteAllBytes(temp, bytes));
    }

    /// <summary>True when the object (for a directory: the manifest and every file in it) is present.</summary>
    public bool Contains(ContentHash hash)
    {
        if (!hash.IsDirectory) return File.Exists(ObjectPath(hash));
        return TryReadManifest(hash) is { } manifest && manifest.Entries.All(e => File.Exists(ObjectPath(e.Md5)));
    }

    /// <summary>Reads a directory's manifest object; null when it is missing, unreadable or not a valid manifest.</summary>
    public DirManifest? TryReadManifest(ContentHash hash)
    {
        try
        {
            return DirManifest.Parse(File.ReadAllBytes(ObjectPath(hash)));
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Store(ContentHash hash, Action<string> writeTemp)
    {
        var target = ObjectPath(hash);
        // NOTE: an existing object is trusted only when intact; a corrupt one is removed by the check and written anew.
        var replacing = File.Exists(target) && Problem(hash, expectedSize: null) is not null;
        if (File.Exists(target) && !replacing) return;
        using var file = new AtomicFile(target);
        writeTemp(file.TempPath);
        Protect(file.TempPath);
        // NOTE: when another process stored the same object first, theirs is as good (objects are immutable).
        if (replacing) file.Commit();
        else if (!file.CommitIfAbsent()) return;
        if (!hash.IsDirectory && FileStamp.Read(target) is { } stamp) _state.Record(target, stamp, hash);
    }

    private static void Protect(string path)
    {
        try
        {
            if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.ReadOnly);
            else File.SetUnixFileMode(path, ObjectMode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // NOTE: like DVC, a cache on a file system without modes still works; only protection is lost.
        }
    }

    private static void DeleteFile(string path)
    {
        if (!File.Exists(path)) return;
        if (OperatingSystem.IsWindows()) File.SetAttributes(path, FileAttributes.Normal);
        File.Delete(path);
    }
}
