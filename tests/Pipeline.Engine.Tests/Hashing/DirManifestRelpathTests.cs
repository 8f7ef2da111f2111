using System.Text;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Hashing;

/// <summary>A .dir manifest read from the cache or a remote names files inside its directory only.</summary>
public sealed class DirManifestRelpathTests
{
    private static byte[] ManifestWith(string relpath) =>
        Encoding.UTF8.GetBytes($$"""[{"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "relpath": "{{relpath}}"}]""");

    [Theory]
    [InlineData("../../victim/file.txt")]
    [InlineData("a/../../file.txt")]
    [InlineData("/tmp/victim")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a\\\\..\\\\..\\\\b")]
    public void Parse_RelpathLeavingOrNotCanonical_ThrowsNamingIt(string relpath)
    {
        var e = Assert.Throws<FormatException>(() => DirManifest.Parse(ManifestWith(relpath)));

        Assert.Contains("relpath", e.Message);
    }

    [Theory]
    [InlineData("a/b.csv")]
    [InlineData(".hidden")]
    [InlineData("..data")]
    [InlineData("sub/dir/é.txt")]
    public void Parse_RelpathInside_Accepted(string relpath) =>
        Assert.Equal(relpath, Assert.Single(DirManifest.Parse(ManifestWith(relpath)).Entries).RelPath);
}
