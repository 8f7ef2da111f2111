using LibGit2Sharp;
using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Git.Commits;
using Pipeline.Git.Registry;
using Pipeline.Git.Tests.Registry;
using CommitOptions = Pipeline.Git.Commits.CommitOptions;

namespace Pipeline.Git.Tests.Commits;

public sealed class PipelineCommitterLayoutTests : IDisposable
{
    private readonly TestGitRepository _git = new();
    private readonly CommitOptions _options = new(new GitIdentity("Pipeline Bot", "bot@example.com"), new SteppingTimeProvider(TestGitRepository.Epoch));

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Commit_EmptyRepository_MakesTheFirstCommit()
    {
        _git.Write("dvc.yaml", "metrics:\n- metrics.json\n");
        _git.Write("metrics.json", "{\"auc\": 0.9}");
        _git.Write("scratch.txt", "x");

        var result = PipelineCommitter.Commit(_git.Root, [new("Train", TargetStatus.Executed, "never run")], _options)!;

        Assert.Equal(["dvc.yaml", "metrics.json"], result.Files);
        Assert.StartsWith("Train: auc - → 0.9\n", result.Message);
        Assert.Equal(result.Sha, _git.Repo.Head.Tip.Sha);
    }

    [Fact]
    public void Commit_PipelineInSubdirectory_CommitsOnlyItsFiles()
    {
        _git.CommitFiles("initial", ("ml/params.yaml", "lr: 0.1\n"), ("params.yaml", "other: 1\n"));
        _git.Write("ml/params.yaml", "lr: 0.2\n");
        _git.Write("ml/dvc.lock", "schema: '2.0'\n");
        _git.Write("params.yaml", "other: 2\n");

        var result = PipelineCommitter.Commit(Path.Combine(_git.Root, "ml"), [], _options)!;

        Assert.Equal(["ml/dvc.lock", "ml/params.yaml"], result.Files);
        Assert.Equal(FileStatus.ModifiedInWorkdir, _git.Repo.RetrieveStatus("params.yaml"));
    }

    [Fact]
    public void Commit_DeletedLockFile_CommitsTheDeletion()
    {
        _git.CommitFiles("initial", ("dvc.lock", "schema: '2.0'\n"));
        File.Delete(Path.Combine(_git.Root, "dvc.lock"));

        var result = PipelineCommitter.Commit(_git.Root, [], _options)!;

        Assert.Equal(["dvc.lock"], result.Files);
        Assert.Null(_git.Repo.Head.Tip["dvc.lock"]);
    }
}
