using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>
/// Integrity: an object is used only while its bytes match its name. The size is always compared (when known); the
/// md5 is recomputed unless the state cache vouches for the object file as it is now (same inode, mtime, size and
/// ctime as when its bytes were last checked or written). A corrupt object is removed with a warning naming it.
/// </summary>
public sealed partial class ObjectCache
{
    /// <summary>
    /// True when the object recorded with <paramref name="info"/> (for a directory: its manifest and every file) is
    /// present and intact. A corrupt object is removed (warned), so the output that needs it counts as missing.
    /// </summary>
    public bool IsIntact(HashInfo info) => Problem(info.Hash, info.Hash.IsDirectory ? null : info.Size) is null;

    /// <summary>What is wrong with the object, or null when it can be checked out; corrupt objects are removed (warned).</summary>
    public ObjectProblem? Problem(ContentHash hash, long? expectedSize) =>
        hash.IsDirectory ? DirectoryProblem(hash, out _) : FileProblem(hash, expectedSize);

    private ObjectProblem? FileProblem(ContentHash hash, long? expectedSize)
    {
        var path = ObjectPath(hash);
        if (FileStamp.Read(path) is not { } stamp) return new ObjectProblem(hash, path, IsMissing: true, "is missing from the cache");
        if (expectedSize is { } size && stamp.Size != size) return Corrupt(hash, path, $"it holds {stamp.Size} bytes, expected {size}");
        if (_state.TryGet(path, stamp, out var known) && known == hash) return null;
        ContentHash actual;
        try
        {
            actual = FileHasher.Hash(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ObjectProblem(hash, path, IsMissing: false, $"cannot be read ({e.Message})");
        }
        if (actual.Md5 != hash.Md5) return Corrupt(hash, path, $"its bytes hash to {actual.Md5}");
        _state.Record(path, stamp, hash);
        return null;
    }

    private ObjectProblem? DirectoryProblem(ContentHash hash, out DirManifest? manifest)
    {
        manifest = null;
        var path = ObjectPath(hash);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ObjectProblem(hash, path, IsMissing: true, "is missing from the cache");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ObjectProblem(hash, path, IsMissing: false, $"cannot be read ({e.Message})");
        }
        var actual = FileHasher.Hash(bytes, directory: true);
        if (actual != hash) return Corrupt(hash, path, $"its bytes hash to {actual.Md5}");
        try
        {
            manifest = DirManifest.Parse(bytes);
        }
        catch (FormatException e)
        {
            // NOTE: bytes that match their name but list a path outside the directory are hostile, not damaged: refused, kept for inspection.
            return new ObjectProblem(hash, path, IsMissing: false, $"is not a valid .dir manifest: {e.Message}");
        }
        foreach (var md5 in manifest.Entries.Select(e => e.Md5).Distinct())
        {
            if (FileProblem(md5, expectedSize: null) is { } problem) return problem;
        }
        return null;
    }

    private ObjectProblem Corrupt(ContentHash hash, string path, string detail)
    {
        try
        {
            DeleteFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // NOTE: a corrupt object that cannot be removed is still never used; every check finds it again.
        }
        warn?.Invoke($"Cache object '{hash}' ({path}) is corrupt: {detail}. Removed it: the output that uses it counts as missing, so its stage re-runs (or a pull fetches it again).");
        return new ObjectProblem(hash, path, IsMissing: false, $"was corrupt ({detail}) and has been removed");
    }
}
