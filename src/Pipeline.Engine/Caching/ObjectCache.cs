using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>DVC 3's content-addressed object store (<c>.dvc/cache/files/md5/xx/…</c>): read-only objects, reflink or copy.</summary>
internal sealed class ObjectCache(string cacheRoot)
{
    /// <summary>The cache root, normally <c>&lt;repo&gt;/.dvc/cache</c>.</summary>
    public string Root => cacheRoot;

    public string ObjectPath(ContentHash hash) => throw new NotImplementedException("STUB: helper A");

    /// <summary>Stores a hashed file or directory (each file plus the .dir manifest); existing objects are not rewritten.</summary>
    public void Add(HashedPath hashed) => throw new NotImplementedException();

    /// <summary>True when the object (for a directory: the manifest and every file in it) is present.</summary>
    public bool Contains(ContentHash hash) => throw new NotImplementedException();

    /// <summary>Materialises the object at <paramref name="destAbsPath"/>, replacing what is there.</summary>
    public void Checkout(ContentHash hash, string destAbsPath) => throw new NotImplementedException();
}
