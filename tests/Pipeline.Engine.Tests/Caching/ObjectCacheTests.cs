using Pipeline.Engine.Caching;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Tests.Hashing;

namespace Pipeline.Engine.Tests.Caching;

public sealed class ObjectCacheTests
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public void ObjectPath_FileAndDir_DvcLayout()
    {
        var cache = new ObjectCache("/repo/.dvc/cache");
        Assert.Equal("/repo/.dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", cache.ObjectPath(ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8")).Replace('\\', '/'));
        Assert.Equal("/repo/.dvc/cache/files/md5/5e/a40360f5b4ec688df672a4db9c17d1.dir", cache.ObjectPath(ContentHash.Parse("5ea40360f5b4ec688df672a4db9c17d1.dir")).Replace('\\', '/'));
    }

    [Fact]
    public void AddCheckout_File_RoundTripsReadOnlyObjectWritableCopy()
    {
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var hashed = Hash(tree.Write("model.bin", "foo"));
        cache.Add(hashed);
        var obj = cache.ObjectPath(hashed.Info.Hash);
        Assert.Equal("foo", File.ReadAllText(obj));
        Assert.True(cache.Contains(hashed.Info.Hash));
        if (!OperatingSystem.IsWindows()) Assert.Equal(ReadOnly, File.GetUnixFileMode(obj));

        var dest = tree.Write("out/model.bin", "old content");
        cache.Checkout(hashed.Info.Hash, dest);
        Assert.Equal("foo", File.ReadAllText(dest));
        if (!OperatingSystem.IsWindows()) Assert.True((File.GetUnixFileMode(dest) & UnixFileMode.UserWrite) != 0);
        Assert.Single(Directory.GetFileSystemEntries(tree.PathOf("out")));
    }

    [Fact]
    public void Add_ExistingObject_NotRewritten()
    {
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var hashed = Hash(tree.Write("a", "foo"));
        cache.Add(hashed);
        var obj = cache.ObjectPath(hashed.Info.Hash);
        var before = File.GetLastWriteTimeUtc(obj).AddHours(-1);
        File.SetLastWriteTimeUtc(obj, before);
        cache.Add(Hash(tree.Write("b", "foo")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(obj));
    }

    [Fact]
    public void AddCheckout_Directory_RoundTripsAndReplacesOldTree()
    {
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var hashed = Hash(tree.Dir("data", ("foo", "foo"), ("bar", "bar"), ("sub/é.txt", "café")));
        cache.Add(hashed);
        var oid = hashed.Info.Hash;
        Assert.True(cache.Contains(oid));
        Assert.Equal(hashed.Manifest!.ToBytes(), File.ReadAllBytes(cache.ObjectPath(oid)));

        var dest = tree.Dir("restored", ("stale", "x"), ("foo", "changed"));
        cache.Checkout(oid, dest);
        Assert.Equal(["bar", "foo", "sub/é.txt"], Directory.GetFiles(dest, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dest, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal("café", File.ReadAllText(Path.Combine(dest, "sub", "é.txt")));
        Assert.Equal(oid, Hash(dest).Info.Hash);
        Assert.Equal(["restored"], Directory.GetFileSystemEntries(tree.Root, "re*").Select(Path.GetFileName));
    }

    [Fact]
    public void Contains_DirectoryMissingOneFile_False()
    {
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var hashed = Hash(tree.Dir("data", ("foo", "foo"), ("bar", "bar")));
        cache.Add(hashed);
        File.Delete(cache.ObjectPath(ContentHash.Parse("37b51d194a7513e45b56f6524f2d51f2")));
        Assert.False(cache.Contains(hashed.Info.Hash));
        var e = Assert.Throws<RepositoryStateException>(() => cache.Checkout(hashed.Info.Hash, tree.PathOf("out")));
        Assert.Contains("37b51d194a7513e45b56f6524f2d51f2", e.Message);
        Assert.False(Directory.Exists(tree.PathOf("out")));
    }

    [Fact]
    public void Checkout_MissingFileObject_ThrowsNamingHash()
    {
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var e = Assert.Throws<RepositoryStateException>(() => cache.Checkout(ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8"), tree.PathOf("x")));
        Assert.Contains("acbd18db4cc2f85cedef654fccc4a4d8", e.Message);
    }

    [Fact]
    public void Verify_CorruptObject_DeletedAndReported()
    {
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var hashed = Hash(tree.Dir("data", ("foo", "foo"), ("bar", "bar")));
        cache.Add(hashed);
        Assert.True(cache.Verify(hashed.Info.Hash));

        var foo = ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8");
        var obj = cache.ObjectPath(foo);
        File.Delete(obj);
        File.WriteAllText(obj, "FOO");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(obj, ReadOnly);

        Assert.False(cache.Verify(hashed.Info.Hash, out var removed));
        Assert.Equal([foo], removed);
        Assert.False(File.Exists(obj));
        Assert.False(cache.Contains(hashed.Info.Hash));
        Assert.False(cache.Verify(foo));
    }

    [Fact]
    public void Checkout_Executable_SetsExecuteBits()
    {
        if (OperatingSystem.IsWindows()) return;
        using var tree = new TempTree();
        var cache = new ObjectCache(tree.PathOf(".dvc/cache"));
        var hashed = Hash(tree.Write("run.sh", "echo"));
        cache.Add(hashed);
        var dest = tree.PathOf("bin/run.sh");
        cache.Checkout(hashed.Info.Hash, dest, isExecutable: true);
        Assert.True((File.GetUnixFileMode(dest) & UnixFileMode.UserExecute) != 0);
    }

    private static HashedPath Hash(string path) => new PathHasher(StateCache.InMemory(), 2).Hash(path);
}
