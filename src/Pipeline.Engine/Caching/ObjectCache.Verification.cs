using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>Verification: re-hashes objects and removes corrupt ones (docs/dvc-format.md §4.1, <c>HashFileDB.check</c>).</summary>
public sealed partial class ObjectCache
{
    /// <summary>
    /// Re-hashes the object (for a directory: the manifest and every file it lists). A corrupt object is deleted, so
    /// it becomes a cache miss. Returns true when everything is present and intact; the caller warns otherwise.
    /// </summary>
    public bool Verify(ContentHash hash) => Verify(hash, out _);

    /// <summary>As <see cref="Verify(ContentHash)"/>, also listing the corrupt objects that were deleted.</summary>
    public bool Verify(ContentHash hash, out IReadOnlyList<ContentHash> removed)
    {
        var corrupt = new List<ContentHash>();
        removed = corrupt;
        if (!VerifyObject(hash, corrupt)) return false;
        if (!hash.IsDirectory) return true;
        if (TryReadManifest(hash) is not { } manifest)
        {
            DeleteFile(ObjectPath(hash));
            corrupt.Add(hash);
            return false;
        }
        var ok = true;
        foreach (var md5 in manifest.Entries.Select(e => e.Md5).Distinct())
            ok &= VerifyObject(md5, corrupt);
        return ok;
    }

    private bool VerifyObject(ContentHash hash, List<ContentHash> corrupt)
    {
        var path = ObjectPath(hash);
        ContentHash actual;
        try
        {
            actual = FileHasher.Hash(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        if (actual.Md5 == hash.Md5) return true;
        DeleteFile(path);
        corrupt.Add(hash);
        return false;
    }
}
