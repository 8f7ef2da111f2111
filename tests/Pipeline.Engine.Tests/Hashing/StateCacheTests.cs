using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class StateCacheTests
{
    private static readonly ContentHash Foo = ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8");

    [Fact]
    public void Hash_UnchangedFile_NotReadAgain()
    {
        using var tree = new TempTree();
        var dir = tree.Dir("data", ("foo", "foo"), ("bar", "bar"));
        var reads = new List<string>();
        var hasher = CountingHasher(StateCache.InMemory(), reads);
        var first = hasher.Hash(dir);
        var second = hasher.Hash(dir);
        Assert.Equal(first.Info, second.Info);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public void Hash_SameSizeNewContentAndMtime_ReHashed()
    {
        using var tree = new TempTree();
        var path = tree.Write("f", "foo");
        var reads = new List<string>();
        var hasher = CountingHasher(StateCache.InMemory(), reads);
        Assert.Equal(Foo, hasher.Hash(path).Info.Hash);
        File.WriteAllText(path, "bar");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));
        Assert.Equal("37b51d194a7513e45b56f6524f2d51f2", hasher.Hash(path).Info.Hash.Value);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public void Hash_ReplacedBySameSizeSameMtimeFile_ReHashedOnLinux()
    {
        if (!LinuxStat.IsAvailable) return;
        using var tree = new TempTree();
        var path = tree.Write("f", "foo");
        var mtime = File.GetLastWriteTimeUtc(path);
        var reads = new List<string>();
        var hasher = CountingHasher(StateCache.InMemory(), reads);
        hasher.Hash(path);
        var replacement = tree.Write("g", "bar");
        File.SetLastWriteTimeUtc(replacement, mtime);
        File.Move(replacement, path, overwrite: true);
        // NOTE: same size and mtime; only the inode tells the files apart.
        Assert.Equal("37b51d194a7513e45b56f6524f2d51f2", hasher.Hash(path).Info.Hash.Value);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public void SaveLoad_RoundTrip_RemembersUnchangedFile()
    {
        using var tree = new TempTree();
        var path = tree.Write("f", "foo");
        var stateFile = tree.PathOf("state/hashes.bin");
        var state = StateCache.Load(stateFile);
        state.Record(path, Foo);
        state.Save();
        var loaded = StateCache.Load(stateFile);
        Assert.True(loaded.TryGet(path, out var hash));
        Assert.Equal(Foo, hash);
        Assert.Empty(Directory.GetFiles(tree.PathOf("state"), "*.tmp"));
    }

    [Fact]
    public void Load_CorruptOrTruncatedFile_EmptyCache()
    {
        using var tree = new TempTree();
        var path = tree.Write("f", "foo");
        var stateFile = tree.PathOf("hashes.bin");
        var state = StateCache.Load(stateFile);
        state.Record(path, Foo);
        state.Save();
        var bytes = File.ReadAllBytes(stateFile);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(stateFile, bytes);
        Assert.Equal(0, StateCache.Load(stateFile).Count);
        File.WriteAllBytes(stateFile, bytes[..10]);
        Assert.Equal(0, StateCache.Load(stateFile).Count);
        File.WriteAllText(stateFile, "garbage");
        Assert.Equal(0, StateCache.Load(stateFile).Count);
    }

    [Fact]
    public void Load_MissingFile_EmptyCache()
    {
        using var tree = new TempTree();
        Assert.Equal(0, StateCache.Load(tree.PathOf("none/hashes.bin")).Count);
    }

    [Fact]
    public void Record_DirectoryHash_Rejected()
    {
        using var tree = new TempTree();
        var path = tree.Write("f", "foo");
        Assert.Throws<ArgumentException>(() => StateCache.InMemory().Record(path, ContentHash.Parse("d751713988987e9331980363e24189ce.dir")));
    }

    private static PathHasher CountingHasher(StateCache state, List<string> reads) =>
        new(state, 1, p =>
        {
            lock (reads) reads.Add(p);
            return FileHasher.Hash(p);
        });
}
