using System.Text;
using Pipeline.Formats.IO;

namespace Pipeline.Formats.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("atomic-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void WriteAllText_NewFolder_WritesUtf8WithoutBomAndLeavesNoTemp()
    {
        var path = Path.Combine(_root, "a", "b", "out.json");

        AtomicFile.WriteAllText(path, "é\n");

        Assert.Equal(Encoding.UTF8.GetBytes("é\n"), File.ReadAllBytes(path));
        Assert.Equal(["out.json"], Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteIfChanged_SameText_KeepsTheFileAndItsMtime()
    {
        var path = Path.Combine(_root, "same.txt");
        AtomicFile.WriteAllText(path, "x");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        AtomicFile.WriteIfChanged(path, "x");
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

        AtomicFile.WriteIfChanged(path, "y");
        Assert.Equal("y", File.ReadAllText(path));
    }

    [Fact]
    public void Dispose_WithoutCommit_KeepsThePreviousContentAndRemovesTheTemp()
    {
        var path = Path.Combine(_root, "keep.txt");
        File.WriteAllText(path, "old");

        using (var file = new AtomicFile(path))
        {
            File.WriteAllText(file.TempPath, "half");
        }

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_root));
    }

    [Fact]
    public void CommitIfAbsent_TargetPlacedByAnotherWriter_KeepsTheirsAndReturnsFalse()
    {
        var path = Path.Combine(_root, "object");
        using var file = new AtomicFile(path);
        File.WriteAllText(file.TempPath, "mine");
        File.WriteAllText(path, "theirs");

        Assert.False(file.CommitIfAbsent());
        file.Dispose();

        Assert.Equal("theirs", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_root));
    }

    [Fact]
    public void TempPathFor_Target_IsAHiddenSiblingNamedAfterIt()
    {
        var target = Path.Combine(_root, "dvc.lock");

        var temp = AtomicFile.TempPathFor(target, ".old");

        Assert.Equal(_root, Path.GetDirectoryName(temp));
        Assert.Matches(@"^\.dvc\.lock\.old\.[0-9a-f]{16}\.tmp$", Path.GetFileName(temp));
        Assert.NotEqual(temp, AtomicFile.TempPathFor(target, ".old"));
    }

    [Fact]
    public void Copy_ExistingTarget_ReplacesIt()
    {
        var source = Path.Combine(_root, "source");
        var target = Path.Combine(_root, "sub", "target");
        File.WriteAllText(source, "new");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "old");

        AtomicFile.Copy(source, target);

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(["target"], Directory.GetFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
    }
}
