using Pipeline.Engine.Dvc;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Tests.Dvc;

/// <summary>Exact texts of docs/dvc-format.md §5.3.</summary>
public sealed class DvcFileTests
{
    private const string DirText = "outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: data\n";
    private const string FileText = "outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n";

    [Fact]
    public void ToText_Directory_MatchesDvcAdd() =>
        Assert.Equal(DirText, DvcFile.ToText(new HashInfo(ContentHash.Parse("5ea40360f5b4ec688df672a4db9c17d1.dir"), 6, 2), "data"));

    [Fact]
    public void ToText_File_MatchesDvcAdd() =>
        Assert.Equal(FileText, DvcFile.ToText(new HashInfo(ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8"), 3), "foo"));

    [Fact]
    public void ToText_Executable_IsexecBeforeHash() =>
        Assert.Equal("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  isexec: true\n  hash: md5\n  path: run.sh\n",
            DvcFile.ToText(new HashInfo(ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8"), 3, IsExecutable: true), "run.sh"));

    [Fact]
    public void Parse_DirText_GivesPathAndInfo()
    {
        var (path, info) = DvcFile.Parse(DirText);
        Assert.Equal("data", path);
        Assert.Equal(new HashInfo(ContentHash.Parse("5ea40360f5b4ec688df672a4db9c17d1.dir"), 6, 2), info);
    }

    [Fact]
    public void Parse_NoOuts_ThrowsFormat() => Assert.Throws<FormatException>(() => DvcFile.Parse("md5: x\n"));
}
