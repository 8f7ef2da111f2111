using Pipeline.Engine.Hashing;

namespace Pipeline.Engine.Tests.Hashing;

public sealed class FileStampTests
{
    [Fact]
    public void Read_File_AgreesWithFileInfo()
    {
        using var tree = new TempTree();
        var path = tree.Write("f", "hello");
        var stamp = FileStamp.Read(path)!.Value;
        var info = new FileInfo(path);
        Assert.Equal(5, stamp.Size);
        Assert.Equal((info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100, stamp.MtimeNs / 100 * 100);
        if (LinuxStat.IsAvailable) Assert.NotEqual(0UL, stamp.Inode);
    }

    [Fact]
    public void Read_DirectoryOrMissing_Null()
    {
        using var tree = new TempTree();
        Assert.Null(FileStamp.Read(tree.Root));
        Assert.Null(FileStamp.Read(tree.PathOf("missing")));
    }

    [Fact]
    public void Read_SymlinkToFile_StatsTarget()
    {
        using var tree = new TempTree();
        var target = tree.Write("target", "0123456789");
        var link = tree.PathOf("link");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(FileStamp.Read(target), FileStamp.Read(link));
    }
}
