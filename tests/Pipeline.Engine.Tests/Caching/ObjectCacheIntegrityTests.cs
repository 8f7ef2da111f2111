using System.Text;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Tests.Hashing;

namespace Pipeline.Engine.Tests.Caching;

/// <summary>Checkout verifies what it restores; store replaces an object whose bytes no longer match its name.</summary>
public sealed class ObjectCacheIntegrityTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly List<string> _warnings = [];
    private readonly StateCache _state = StateCache.InMemory();
    private readonly ObjectCache _cache;

    public ObjectCacheIntegrityTests() => _cache = new ObjectCache(_tree.PathOf(".dvc/cache"), _state, _warnings.Add);

    public void Dispose() => _tree.Dispose();

    private static HashedPath Hash(string path) => new PathHasher(StateCache.InMemory(), 1).Hash(path);

    private static void Overwrite(string obj, string text)
    {
        File.SetAttributes(obj, FileAttributes.Normal);
        File.WriteAllText(obj, text);
    }

    [Fact]
    public void Checkout_CorruptFileObject_ThrowsRemovesItAndLeavesTheDestination()
    {
        var hashed = Hash(_tree.Write("model.bin", "foo"));
        _cache.Add(hashed);
        Overwrite(_cache.ObjectPath(hashed.Info.Hash), "FOO");
        var dest = _tree.Write("out/model.bin", "previous");

        var e = Assert.Throws<RepositoryStateException>(() => _cache.Checkout(hashed.Info.Hash, dest));

        Assert.Contains("acbd18db4cc2f85cedef654fccc4a4d8", e.Message);
        Assert.Contains("corrupt", e.Message);
        Assert.Equal("previous", File.ReadAllText(dest));
        Assert.False(File.Exists(_cache.ObjectPath(hashed.Info.Hash)));
        Assert.Single(Directory.GetFileSystemEntries(_tree.PathOf("out")));
    }

    [Fact]
    public void IsIntact_SameSizeFlippedByte_FalseWithWarningNamingTheObject()
    {
        var hashed = Hash(_tree.Write("model.bin", "foo"));
        _cache.Add(hashed);
        Overwrite(_cache.ObjectPath(hashed.Info.Hash), "fOo");

        Assert.False(_cache.IsIntact(hashed.Info));

        var warning = Assert.Single(_warnings);
        Assert.Contains("Cache object 'acbd18db4cc2f85cedef654fccc4a4d8'", warning);
        Assert.Contains("is corrupt", warning);
    }

    [Fact]
    public void IsIntact_WrongSize_FalseWithoutReadingTheBytes()
    {
        var hashed = Hash(_tree.Write("model.bin", "foo"));
        _cache.Add(hashed);

        Assert.False(_cache.IsIntact(hashed.Info with { Size = 4 }));
        Assert.Contains("3 bytes, expected 4", Assert.Single(_warnings));
    }

    [Fact]
    public void IsIntact_Missing_FalseWithoutWarning()
    {
        Assert.False(_cache.IsIntact(new HashInfo(ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8"), 3)));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Add_ExistingCorruptObject_Replaced()
    {
        var hashed = Hash(_tree.Write("model.bin", "foo"));
        _cache.Add(hashed);
        var obj = _cache.ObjectPath(hashed.Info.Hash);
        Overwrite(obj, "FOO");

        _cache.Add(hashed);

        Assert.Equal("foo", File.ReadAllText(obj));
        Assert.True(_cache.IsIntact(hashed.Info));
    }

    [Fact]
    public void Checkout_ManifestWithRelpathLeavingTheDirectory_RefusedAndNothingWrittenOutside()
    {
        var victim = _tree.Write("victim/file.txt", "precious");
        var foo = Hash(_tree.Write("foo", "foo"));
        _cache.Add(foo);
        var bytes = Encoding.ASCII.GetBytes("""[{"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "relpath": "../../victim/file.txt"}]""");
        var dirHash = FileHasher.Hash(bytes, directory: true);
        var manifestPath = _cache.ObjectPath(dirHash);
        Directory.CreateDirectory(Path.GetDirectoryName(manifestPath)!);
        File.WriteAllBytes(manifestPath, bytes);

        var e = Assert.Throws<RepositoryStateException>(() => _cache.Checkout(dirHash, _tree.PathOf("repo/out/data")));

        Assert.Contains("../../victim/file.txt", e.Message);
        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.False(Directory.Exists(_tree.PathOf("repo/out/data")));
    }

    [Fact]
    public void Checkout_DirectoryWithACorruptFile_ThrowsNamingThatObject()
    {
        var hashed = Hash(_tree.Dir("data", ("foo", "foo"), ("bar", "bar")));
        _cache.Add(hashed);
        Overwrite(_cache.ObjectPath(ContentHash.Parse("37b51d194a7513e45b56f6524f2d51f2")), "BAR");

        var e = Assert.Throws<RepositoryStateException>(() => _cache.Checkout(hashed.Info.Hash, _tree.PathOf("restored")));

        Assert.Contains("37b51d194a7513e45b56f6524f2d51f2", e.Message);
        Assert.False(Directory.Exists(_tree.PathOf("restored")));
    }
}
