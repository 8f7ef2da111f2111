using System.Text;
using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class FileHasherTests
{
    [Theory]
    [InlineData("foo", "acbd18db4cc2f85cedef654fccc4a4d8")]
    [InlineData("bar", "37b51d194a7513e45b56f6524f2d51f2")]
    [InlineData("foo\n", "d3b07384d113edec49eaa6238ad5ff00")]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("a\r\nb\r\n", "59b0d7772f0561efb95518f3cb8abc60")]
    public void Hash_DvcVectors_MatchPlainMd5(string content, string expected)
    {
        using var tree = new TempTree();
        Assert.Equal(expected, FileHasher.Hash(tree.Write("f", content)).Value);
    }

    [Fact]
    public void Hash_FileLargerThanOneChunk_MatchesOneShotMd5()
    {
        using var tree = new TempTree();
        var bytes = new byte[FileHasher.ChunkSize * 2 + 12345];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 31 % 251);
        var path = tree.Write("big", bytes);
        Assert.Equal(FileHasher.Hash(bytes), FileHasher.Hash(path));
    }

    [Fact]
    public void Hash_Bytes_DirectoryFlagAddsSuffix()
    {
        Assert.Equal("d751713988987e9331980363e24189ce.dir", FileHasher.Hash("[]"u8, directory: true).Value);
        Assert.Equal("acbd18db4cc2f85cedef654fccc4a4d8", FileHasher.Hash(Encoding.ASCII.GetBytes("foo")).Value);
    }
}
