using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>One file of a directory manifest: its path relative to the directory ('/' separators) and its md5.</summary>
internal sealed record DirEntry(string RelPath, ContentHash Md5);

/// <summary>A DVC <c>.dir</c> manifest (dvc-format.md §3): entries sorted by relpath in code-point order.</summary>
internal sealed class DirManifest
{
    public DirManifest(IEnumerable<DirEntry> entries) => throw new NotImplementedException("STUB: helper A");

    public IReadOnlyList<DirEntry> Entries => throw new NotImplementedException();

    /// <summary>The exact bytes DVC hashes and stores in the cache (Python json.dumps, sort_keys).</summary>
    public byte[] ToBytes() => throw new NotImplementedException();

    /// <summary>md5 of <see cref="ToBytes"/> with the .dir suffix.</summary>
    public ContentHash Hash => throw new NotImplementedException();

    public static DirManifest Parse(ReadOnlySpan<byte> bytes) => throw new NotImplementedException();
}
