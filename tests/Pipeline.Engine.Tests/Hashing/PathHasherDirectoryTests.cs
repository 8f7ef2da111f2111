using System.Text;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class PathHasherDirectoryTests
{
    /// <summary>Vectors of docs/dvc-format.md §3.4: "relpath=content" pairs separated by ';'.</summary>
    [Theory]
    [InlineData("foo=foo;bar=bar", "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2)]
    [InlineData("master=master;one=one;two=two", "839ef9371606817569c1ee0e5f4ed233.dir", 12, 3)]
    [InlineData("foo=foo;bar=bar;foobar=foobar", "a5beca056acbef9e0013347efdc2b751.dir", 12, 3)]
    [InlineData("foo=foo;bar=bar;foobar=foobar;subdir/file=file", "de78e9fff7c3478c6b316bf08437d0f6.dir", 16, 4)]
    [InlineData("foo=foo;bar=bar;subdir/lorem=lorem;subdir/ipsum=ipsum", "15b0e3c73ad2c748ce206988cb6b7319.dir", 16, 4)]
    [InlineData("bar=bar;subdir/lorem=lorem;subdir/ipsum=ipsum", "991ea7d558d320d8817a0798e9c676f1.dir", 13, 3)]
    [InlineData("bar=bar", "91aaa9bb58b657d623ef143b195a67e4.dir", 3, 1)]
    [InlineData("foo=foo;subdir/lorem=lorem", "22a16c9bf84b3068bc2206d88a6b5776.dir", 8, 2)]
    [InlineData("foo=foo;subdir/ipsum=lorem ipsum;subdir/file=file", "32f5734ea1a2aa1a067c0c15f0ae5781.dir", 18, 3)]
    [InlineData("foo=foobar;subdir/lorem=lorem", "49408ac059c76086a3a892129a324b60.dir", 11, 2)]
    [InlineData("file=text", "0dab3fae569586d4c33272e5011605bf.dir", 4, 1)]
    [InlineData("1=1;2=two;3=3", "9b5faf37366b3370fd98e3e60ca439c1.dir", 5, 3)]
    [InlineData("dir_file1=dir file content;dir_file2=dir file 2 content", "38175ad60f0e58ac94e0e2b7688afd81.dir", 34, 2)]
    [InlineData("subdir/file2=text2;subdir/file3=text1", "a4ac9c339aacc60b6a3152e362c319c8.dir", 10, 2)]
    [InlineData("bar=foo;subdir/bar=foo", "31b36b3ea5f4485e27f10578c47183b0.dir", 6, 2)]
    [InlineData("subdir/subfoo=subfoo;subdir/subbar=subbar;foo=foo;bar=bar;subdir/new=new", "efa5b20d5f935dcc5555b26db6e19b76.dir", 21, 5)]
    [InlineData("subdir/file=file", "d28c9e28591aeb7e303dc6772ffa6f6b.dir", 4, 1)]
    public void Hash_DvcTestSuiteDirectory_MatchesVector(string spec, string oid, long size, int nfiles)
    {
        using var tree = new TempTree();
        var dir = tree.Dir("data", [.. spec.Split(';').Select(p => (p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..]))]);
        var hashed = Hasher().Hash(dir);
        Assert.Equal(oid, hashed.Info.Hash.Value);
        Assert.Equal(size, hashed.Info.Size);
        Assert.Equal(nfiles, hashed.Info.FileCount);
        Assert.Equal(nfiles, hashed.Manifest!.Entries.Count);
    }

    [Fact]
    public void Hash_NonAsciiNameAndCrlf_MatchesReferenceExample()
    {
        using var tree = new TempTree();
        var dir = tree.Dir("data", ("foo", "foo"), ("bar", "bar"), ("sub/crlf.txt", "a\r\nb\r\n"), ("é.txt", "café"));
        var hashed = Hasher().Hash(dir);
        Assert.Equal("5bcc4d4f1d3a0a4a4a111181895b3ce0.dir", hashed.Info.Hash.Value);
        Assert.Equal(17, hashed.Info.Size);
        Assert.Equal(4, hashed.Info.FileCount);
        Assert.Equal(
            """[{"md5": "37b51d194a7513e45b56f6524f2d51f2", "relpath": "bar"}, {"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "relpath": "foo"}, {"md5": "59b0d7772f0561efb95518f3cb8abc60", "relpath": "sub/crlf.txt"}, {"md5": "07117fe4a1ebd544965dc19573183da2", "relpath": "\u00e9.txt"}]""",
            Encoding.ASCII.GetString(hashed.Manifest!.ToBytes()));
    }

    [Fact]
    public void Hash_OnlyEmptySubdirectory_IsEmptyManifest()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(tree.PathOf("data/empty_sub"));
        var hashed = Hasher().Hash(tree.PathOf("data"));
        Assert.Equal("d751713988987e9331980363e24189ce.dir", hashed.Info.Hash.Value);
        Assert.Equal(0, hashed.Info.Size);
        Assert.Equal(0, hashed.Info.FileCount);
    }

    [Fact]
    public void Hash_GitHgDvcAndNestedRepo_AreIgnored()
    {
        using var tree = new TempTree();
        var dir = tree.Dir("data", ("foo", "foo"), ("bar", "bar"), (".git/HEAD", "x"), (".hg/x", "y"),
            ("sub/.git", "gitdir: .."), ("sub/.dvc/config", ""), ("nested/.dvc/config", ""), ("nested/data", "z"));
        var hashed = Hasher().Hash(dir);
        Assert.Equal("5ea40360f5b4ec688df672a4db9c17d1.dir", hashed.Info.Hash.Value);
        Assert.Equal(6, hashed.Info.Size);
    }

    [Fact]
    public void Hash_SymlinkedDirectory_NotDescendedButFileLinkFollowed()
    {
        using var tree = new TempTree();
        tree.Write("elsewhere/inner", "zzz");
        tree.Write("target-bar", "bar");
        var dir = tree.Dir("data", ("foo", "foo"));
        Directory.CreateSymbolicLink(tree.PathOf("data/linkdir"), tree.PathOf("elsewhere"));
        File.CreateSymbolicLink(tree.PathOf("data/bar"), tree.PathOf("target-bar"));
        var hashed = Hasher().Hash(dir);
        Assert.Equal("5ea40360f5b4ec688df672a4db9c17d1.dir", hashed.Info.Hash.Value);
    }

    [Fact]
    public void Hash_DvcIgnoreInside_Throws()
    {
        using var tree = new TempTree();
        var dir = tree.Dir("data", ("foo", "foo"), ("sub/.dvcignore", "*.tmp"));
        var e = Assert.Throws<Pipeline.Engine.Failures.PipelineDefinitionException>(() => Hasher().Hash(dir));
        Assert.Contains(".dvcignore", e.Message);
    }

    private static PathHasher Hasher() => new(StateCache.InMemory(), parallelism: 2);
}
