using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class PathHasherFileTests
{
    [Fact]
    public void Hash_File_HashSizeNoFileCount()
    {
        using var tree = new TempTree();
        var hashed = new PathHasher(StateCache.InMemory(), 1).Hash(tree.Write("foo", "foo\n"));
        Assert.Equal(new HashInfo(ContentHash.Parse("d3b07384d113edec49eaa6238ad5ff00"), 4), hashed.Info);
        Assert.Null(hashed.Manifest);
    }

    [Fact]
    public void Hash_ExecutableFile_IsExecutable()
    {
        if (OperatingSystem.IsWindows()) return;
        using var tree = new TempTree();
        var path = tree.Write("run.sh", "echo");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.True(new PathHasher(StateCache.InMemory(), 1).Hash(path).Info.IsExecutable);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.False(new PathHasher(StateCache.InMemory(), 1).Hash(path).Info.IsExecutable);
    }

    [Fact]
    public void Hash_Missing_ThrowsFileNotFound()
    {
        using var tree = new TempTree();
        Assert.Throws<FileNotFoundException>(() => new PathHasher(StateCache.InMemory(), 1).Hash(tree.PathOf("nope")));
    }

    [Fact]
    public void Hash_RelativePath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new PathHasher(StateCache.InMemory(), 1).Hash("relative/file"));

    [Fact]
    public void HashAll_FilesAndDirectories_KeepsInputOrder()
    {
        using var tree = new TempTree();
        var dir = tree.Dir("data", ("foo", "foo"), ("bar", "bar"));
        string[] paths = [tree.Write("a", "bar"), dir, tree.Write("b", "foo"), tree.Dir("d2", ("subdir/file", "file"))];
        var hashed = new PathHasher(StateCache.InMemory(), 2).HashAll(paths);
        Assert.Equal(
            ["37b51d194a7513e45b56f6524f2d51f2", "5ea40360f5b4ec688df672a4db9c17d1.dir", "acbd18db4cc2f85cedef654fccc4a4d8", "d28c9e28591aeb7e303dc6772ffa6f6b.dir"],
            hashed.Select(h => h.Info.Hash.Value));
        Assert.Equal(paths, hashed.Select(h => h.AbsolutePath));
    }
}
