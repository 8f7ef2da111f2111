namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// The committed pipeline state reproduces itself: a fresh copy of the repository's tracked files, at a path unlike the
/// committer's, runs ./build.sh without changing a tracked file, and a second ./build.sh skips every target. A commit
/// whose dvc.lock, metrics.json or .nuke/code/ is older than its code fails here.
/// </summary>
public sealed class FreshCloneTests : IDisposable
{
    private readonly DirectoryInfo _parent = Directory.CreateTempSubdirectory("fresh-clone-");

    public void Dispose() => new TestRepository(_parent.FullName, owned: true).Dispose();

    [GitCheckoutFact]
    public void Build_FreshCopyOfTheTrackedFiles_ChangesNoTrackedFileThenSkipsEverything()
    {
        var clone = CopyTrackedFiles(Path.Combine(_parent.FullName, "some", "other", "checkout"));

        // NOTE: the first run compiles the whole build with ReadyToRun from scratch (one to several minutes).
        var first = clone.Run(TimeSpan.FromMinutes(20));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("", GitCli.Run(clone.Root, "status", "--porcelain", "--untracked-files=no"));
        var second = clone.Run();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(clone.Statuses(), s => Assert.True(s.Value == "skipped", $"{s.Key} was {s.Value}: {clone.Reasons()[s.Key]}"));
    }

    // NOTE: the working tree's tracked (and new, not ignored) files, committed afresh: on a clean CI checkout this is
    // exactly HEAD; on a developer's machine it checks the state about to be committed.
    private static TestRepository CopyTrackedFiles(string to)
    {
        var files = GitCli.Run(SourceTree.Root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var source = Path.Combine(SourceTree.Root, file);
            if (!File.Exists(source)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, file))!);
            File.Copy(source, Path.Combine(to, file));
        }
        GitCli.Run(to, "init", "-q");
        GitCli.Run(to, "add", "-A");
        GitCli.Run(to, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "fresh copy");
        return new TestRepository(to, owned: false);
    }
}
