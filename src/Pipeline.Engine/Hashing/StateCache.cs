using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>Remembers file hashes keyed on (inode, mtime, size) so an unchanged file is never hashed twice. Thread-safe.</summary>
internal sealed class StateCache
{
    /// <summary>Loads the cache from <paramref name="file"/> (missing or corrupt file = empty cache).</summary>
    public static StateCache Load(string file) => throw new NotImplementedException("STUB: helper A");

    /// <summary>An empty cache that is never saved (for tests and --no-state).</summary>
    public static StateCache InMemory() => throw new NotImplementedException();

    public bool TryGet(string absPath, out ContentHash hash) => throw new NotImplementedException();

    public void Record(string absPath, ContentHash hash) => throw new NotImplementedException();

    /// <summary>Writes the cache back atomically if anything changed.</summary>
    public void Save() => throw new NotImplementedException();
}
