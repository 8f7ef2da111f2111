namespace Pipeline.Git.Tests.Registry;

public sealed class NativeLibraryTests
{
    [Fact]
    public void LibGit2_InitAndCommit_Works()
    {
        using var git = new TestGitRepository();
        var commit = git.CommitFiles("first", ("a.txt", "a\n"));
        Assert.Equal(40, commit.Sha.Length);
    }
}
