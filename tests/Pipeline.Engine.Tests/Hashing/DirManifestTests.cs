using System.Text;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class DirManifestTests
{
    private const string ConftestBytes =
        """[{"md5": "c157a79031e1c40f85931829bc5fc552", "relpath": "bar"}, {"md5": "258622b1688250cb619f3c9ccaefb7eb", "relpath": "baz"}]""";

    [Fact]
    public void ToBytes_DvcDataConftest_ExactBytesAndHash()
    {
        var manifest = new DirManifest([
            new DirEntry("baz", ContentHash.Parse("258622b1688250cb619f3c9ccaefb7eb")),
            new DirEntry("bar", ContentHash.Parse("c157a79031e1c40f85931829bc5fc552")),
        ]);
        Assert.Equal(ConftestBytes, Encoding.ASCII.GetString(manifest.ToBytes()));
        Assert.Equal("1f69c66028c35037e8bf67e5bc4ceb6a.dir", manifest.Hash.Value);
    }

    [Fact]
    public void ToBytes_Empty_IsEmptyListVector()
    {
        var manifest = new DirManifest([]);
        Assert.Equal("[]", Encoding.ASCII.GetString(manifest.ToBytes()));
        Assert.Equal("d751713988987e9331980363e24189ce.dir", manifest.Hash.Value);
    }

    [Fact]
    public void ToBytes_PunctuationAndAstralNames_CodePointOrderAndSurrogateEscapes()
    {
        var x = ContentHash.Parse("9dd4e461268c8034f5c8564e155c67a6");
        var manifest = new DirManifest(new[] { "\U0001F600", "a_b", "\uFF5E", "a/b", "a.b", "a-b" }.Select(n => new DirEntry(n, x)));
        Assert.Equal(
            """[{"md5": "9dd4e461268c8034f5c8564e155c67a6", "relpath": "a-b"}, {"md5": "9dd4e461268c8034f5c8564e155c67a6", "relpath": "a.b"}, {"md5": "9dd4e461268c8034f5c8564e155c67a6", "relpath": "a/b"}, {"md5": "9dd4e461268c8034f5c8564e155c67a6", "relpath": "a_b"}, {"md5": "9dd4e461268c8034f5c8564e155c67a6", "relpath": "\uff5e"}, {"md5": "9dd4e461268c8034f5c8564e155c67a6", "relpath": "\ud83d\ude00"}]""",
            Encoding.ASCII.GetString(manifest.ToBytes()));
        Assert.Equal("e2292e4739a30098dca63d4f0aee027e.dir", manifest.Hash.Value);
    }

    [Fact]
    public void Parse_WrittenBytes_RoundTrips()
    {
        var manifest = DirManifest.Parse(
            """[{"md5": "07117fe4a1ebd544965dc19573183da2", "relpath": "\u00e9.txt"}, {"md5": "37b51d194a7513e45b56f6524f2d51f2", "relpath": "bar"}]"""u8);
        Assert.Equal(["bar", "é.txt"], manifest.Entries.Select(e => e.RelPath));
        Assert.Equal("07117fe4a1ebd544965dc19573183da2", manifest.Entries[1].Md5.Value);
        Assert.Equal(manifest.Hash, DirManifest.Parse(manifest.ToBytes()).Hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[{\"md5\": \"zz\", \"relpath\": \"a\"}]")]
    [InlineData("[{\"relpath\": \"a\"}]")]
    [InlineData("[{\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\"")]
    public void Parse_NotAManifest_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => DirManifest.Parse(Encoding.UTF8.GetBytes(text)));
}
