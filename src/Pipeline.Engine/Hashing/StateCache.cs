using System.Collections.Concurrent;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>Remembers file hashes keyed on (inode, mtime, size) so an unchanged file is never hashed twice. Thread-safe.</summary>
/// <remarks>
/// Entries are keyed on the absolute path and trusted only while the file's <see cref="FileStamp"/> (inode, mtime ns,
/// size, ctime ns) is unchanged. Inode and ctime are read on Linux only (statx); on other systems a stamp is
/// (mtime, size). Only files are remembered, never directory hashes.
/// </remarks>
internal sealed partial class StateCache
{
    private readonly ConcurrentDictionary<string, StateEntry> _entries;
    private readonly string? _file;
    private int _dirty;

    private StateCache(string? file, ConcurrentDictionary<string, StateEntry> entries)
    {
        _file = file;
        _entries = entries;
    }

    /// <summary>Loads the cache from <paramref name="file"/> (missing or corrupt file = empty cache).</summary>
    public static StateCache Load(string file) => new(Path.GetFullPath(file), ReadFile(file));

    /// <summary>An empty cache that is never saved (for tests and --no-state).</summary>
    public static StateCache InMemory() => new(null, new(StringComparer.Ordinal));

    /// <summary>The number of remembered files.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the remembered hash of a file when its current stat still matches the one recorded.</summary>
    public bool TryGet(string absPath, out ContentHash hash)
    {
        hash = default;
        return FileStamp.Read(absPath) is { } stamp && TryGet(absPath, stamp, out hash);
    }

    /// <summary>Gets the remembered hash of a file when <paramref name="stamp"/> (taken by the caller) matches the recorded one.</summary>
    public bool TryGet(string absPath, FileStamp stamp, out ContentHash hash)
    {
        if (_entries.TryGetValue(absPath, out var entry) && entry.Stamp == stamp)
        {
            hash = entry.Hash;
            return true;
        }
        hash = default;
        return false;
    }

    /// <summary>Remembers the hash of a file as it is now (stats it); a missing file is ignored.</summary>
    public void Record(string absPath, ContentHash hash)
    {
        if (FileStamp.Read(absPath) is { } stamp) Record(absPath, stamp, hash);
    }

    /// <summary>
    /// Remembers <paramref name="hash"/> for the file state <paramref name="stamp"/>. Callers pass the stamp taken
    /// <em>before</em> reading the bytes, so a file written during hashing is re-hashed next time.
    /// </summary>
    public void Record(string absPath, FileStamp stamp, ContentHash hash)
    {
        if (hash.IsDirectory) throw new ArgumentException($"The state cache remembers files only, not directory hash '{hash}'.", nameof(hash));
        var entry = new StateEntry(stamp, hash);
        var previous = _entries.GetValueOrDefault(absPath);
        if (previous == entry) return;
        _entries[absPath] = entry;
        Interlocked.Exchange(ref _dirty, 1);
    }

    /// <summary>Writes the cache back atomically if anything changed.</summary>
    public void Save()
    {
        if (_file is null || Interlocked.Exchange(ref _dirty, 0) == 0) return;
        try
        {
            WriteFile(_file, _entries);
        }
        catch
        {
            Interlocked.Exchange(ref _dirty, 1);
            throw;
        }
    }
}
