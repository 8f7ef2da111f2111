using Pipeline.Engine.Dvc;
using static Pipeline.Engine.Tests.Dvc.DvcTestData;

namespace Pipeline.Engine.Tests.Dvc;

public sealed class DvcRepositoryTests
{
    [Fact]
    public void EnsureInitialized_EmptyRoot_WritesDvcInitFiles()
    {
        using var t = new TempDir();
        DvcRepository.EnsureInitialized(t.Path);
        Assert.Equal("", System.IO.File.ReadAllText(t[".dvc/config"]));
        Assert.Equal("/config.local\n/tmp\n/cache\n", System.IO.File.ReadAllText(t[".dvc/.gitignore"]));
        Assert.Equal("# Add patterns of files dvc should ignore, which could improve\n# the performance. Learn more at\n" +
                     "# https://dvc.org/doc/user-guide/dvcignore\n", System.IO.File.ReadAllText(t[".dvcignore"]));
    }

    [Fact]
    public void EnsureInitialized_ExistingFiles_LeftUntouched()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t[".dvc"]);
        System.IO.File.WriteAllText(t[".dvc/config"], "[core]\n    remote = s\n");
        System.IO.File.WriteAllText(t[".dvcignore"], "*.tmp\n");
        DvcRepository.EnsureInitialized(t.Path);
        Assert.Equal("[core]\n    remote = s\n", System.IO.File.ReadAllText(t[".dvc/config"]));
        Assert.Equal("*.tmp\n", System.IO.File.ReadAllText(t[".dvcignore"]));
        Assert.True(System.IO.File.Exists(t[".dvc/.gitignore"]));
    }
}
