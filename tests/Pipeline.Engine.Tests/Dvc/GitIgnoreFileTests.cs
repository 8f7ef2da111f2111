using Pipeline.Engine.Dvc;
using static Pipeline.Engine.Tests.Dvc.DvcTestData;

namespace Pipeline.Engine.Tests.Dvc;

public sealed class GitIgnoreFileTests
{
    [Fact]
    public void AddEntry_NoFile_CreatesWithEntry()
    {
        using var t = new TempDir();
        Assert.True(GitIgnoreFile.AddEntry(t[".gitignore"], "data.xml"));
        Assert.Equal("/data.xml\n", System.IO.File.ReadAllText(t[".gitignore"]));
    }

    [Fact]
    public void AddEntry_NoTrailingNewline_AppendsNewlineFirst()
    {
        using var t = new TempDir();
        System.IO.File.WriteAllText(t[".gitignore"], "*.log");
        Assert.True(GitIgnoreFile.AddEntry(t[".gitignore"], "/model.pkl"));
        Assert.Equal("*.log\n/model.pkl\n", System.IO.File.ReadAllText(t[".gitignore"]));
    }

    [Fact]
    public void AddEntry_IdenticalLineExists_Unchanged()
    {
        using var t = new TempDir();
        System.IO.File.WriteAllText(t[".gitignore"], "/a\n/model.pkl\n");
        Assert.False(GitIgnoreFile.AddEntry(t[".gitignore"], "model.pkl"));
        Assert.Equal("/a\n/model.pkl\n", System.IO.File.ReadAllText(t[".gitignore"]));
    }

    [Fact]
    public void AddEntry_Metacharacters_Escaped()
    {
        using var t = new TempDir();
        GitIgnoreFile.AddEntry(t[".gitignore"], "data[1]*?.csv");
        Assert.Equal("/data\\[1\\]\\*\\?.csv\n", System.IO.File.ReadAllText(t[".gitignore"]));
    }
}
