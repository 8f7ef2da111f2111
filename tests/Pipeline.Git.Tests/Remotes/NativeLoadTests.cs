using LibGit2Sharp;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>Guards that LibGit2Sharp's native library loads on this platform.</summary>
public sealed class NativeLoadTests
{
    [Fact]
    public void Repository_Init_LoadsNativeLibrary()
    {
        var dir = Directory.CreateTempSubdirectory("libgit2-");
        try
        {
            Repository.Init(dir.FullName);
            using var repo = new Repository(dir.FullName);
            Assert.True(repo.Info.IsHeadUnborn);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
