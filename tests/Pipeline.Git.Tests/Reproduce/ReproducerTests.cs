using LibGit2Sharp;
using Pipeline.Engine.Dvc;
using Pipeline.Git.Reproduce;
using Pipeline.Git.Tests.Remotes;

namespace Pipeline.Git.Tests.Reproduce;

public sealed class ReproducerTests
{
    [Fact]
    public void Run_DeterministicPipeline_AllMatchAndWorktreeRemoved()
    {
        using var repo = new RemoteTestRepo();
        var before = Snapshot(repo.Root);
        string? seen = null;

        var report = Reproducer.Run(repo.Root, "HEAD", root =>
        {
            seen = root;
            Assert.Equal("id,x\n1,2\n", File.ReadAllText(Path.Combine(root, "data", "raw.csv")));
            return Train(root, "model-v1");
        });

        Assert.True(report.AllMatch, report.ToTable());
        Assert.Equal(2, report.Outputs.Count);
        Assert.All(report.Outputs, o => Assert.Equal(OutputVerdict.Match, o.Verdict));
        Assert.False(Directory.Exists(seen));
        Assert.Equal(before, Snapshot(repo.Root));
        Assert.Contains("all 2 outputs match", report.ToTable());
    }

    [Fact]
    public void Run_NonDeterministicStage_ReportsDifferent()
    {
        using var repo = new RemoteTestRepo();
        var random = new Random(7);

        var report = Reproducer.Run(repo.Root, "HEAD", root => Train(root, $"model-{random.Next()}"));

        Assert.False(report.AllMatch);
        Assert.Equal(1, report.ExitCode);
        var model = Assert.Single(report.Outputs, o => o.Verdict != OutputVerdict.Match);
        Assert.Equal(("train", "models/model.bin", OutputVerdict.Different), (model.Stage, model.Path, model.Verdict));
        Assert.Matches(@"train\s+models/model\.bin\s+[0-9a-f]{32}\s+[0-9a-f]{32}\s+DIFFERENT", report.ToTable());
    }

    [Fact]
    public void Run_PipelineFailsAndThrows_WorktreeStillRemoved()
    {
        using var repo = new RemoteTestRepo();
        string? seen = null;

        Assert.Throws<InvalidOperationException>(() => Reproducer.Run(repo.Root, "HEAD", root =>
        {
            seen = root;
            throw new InvalidOperationException("stage crashed");
        }));

        Assert.False(Directory.Exists(seen));
        using var git = new Repository(repo.Root);
        Assert.Empty(git.Worktrees);
    }

    [Fact]
    public void Run_StageWritesNothing_ReportsMissing()
    {
        using var repo = new RemoteTestRepo();

        var report = Reproducer.Run(repo.Root, "HEAD", root =>
        {
            File.Delete(Path.Combine(root, "dvc.lock"));
            return 3;
        });

        Assert.All(report.Outputs, o => Assert.Equal(OutputVerdict.Missing, o.Verdict));
        Assert.Contains("the pipeline exited with 3", report.ToTable());
    }

    [Fact]
    public void Run_UnknownRevision_UsageErrorNamesIt()
    {
        using var repo = new RemoteTestRepo();

        var e = Assert.Throws<Pipeline.Engine.Failures.UsageException>(() => Reproducer.Run(repo.Root, "no-such-rev", _ => 0));

        Assert.Contains("no-such-rev", e.Message);
    }

    /// <summary>Writes the train stage's outputs and a fresh dvc.lock as a forced rerun would.</summary>
    private static int Train(string root, string model)
    {
        Directory.CreateDirectory(Path.Combine(root, "models"));
        Directory.CreateDirectory(Path.Combine(root, "reports", "sub"));
        File.WriteAllText(Path.Combine(root, "models", "model.bin"), model);
        File.WriteAllText(Path.Combine(root, "reports", "a.txt"), "alpha");
        File.WriteAllText(Path.Combine(root, "reports", "sub", "b.txt"), "beta");
        var raw = RemoteTestRepo.Hash(Path.Combine(root, "data", "raw.csv"));
        var lockFile = LockFile.Parse("");
        lockFile.Set("train", new StageLock("train", [new LockedPath("data/raw.csv", raw.Info)], [],
        [
            new LockedPath("models/model.bin", RemoteTestRepo.Hash(Path.Combine(root, "models", "model.bin")).Info),
            new LockedPath("reports", RemoteTestRepo.Hash(Path.Combine(root, "reports")).Info),
        ]));
        lockFile.Save(Path.Combine(root, "dvc.lock"));
        return 0;
    }

    private static string Snapshot(string root)
    {
        using var repo = new Repository(root);
        var status = repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true });
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(root, f)}:{Convert.ToHexString(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(f)))}");
        return $"{repo.Head.Tip.Sha} {repo.Head.FriendlyName} dirty={status.IsDirty}\n{string.Join('\n', files)}";
    }
}
