using LibGit2Sharp;
using Pipeline.Git.Experiments;
using Pipeline.Git.Reproduce;
using Pipeline.Git.Workspaces;
using Pipeline.Git.Tests.Remotes;

namespace Pipeline.Git.Tests.Experiments;

public sealed class ExperimentRecorderTests
{
    private const string ExpLock =
        "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    deps:\n    - path: data/raw.csv\n      hash: md5\n" +
        "      md5: 0f343b0931126a20f133d67c2b018a3b\n      size: 9\n    params:\n      params.yaml:\n        train.num_leaves: 63\n" +
        "    outs:\n    - path: metrics.json\n      hash: md5\n      md5: acbd18db4cc2f85cedef654fccc4a4d8\n      size: 14\n";

    private static readonly DateTimeOffset When = new(2024, 6, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Record_GeneratedName_RefOnBaselineAndWorkspaceUntouched()
    {
        using var repo = Baseline();
        var baseline = HeadSha(repo.Root);
        using var worktree = GitWorktree.Add(repo.Root, baseline);
        RunExperiment(worktree.Path);

        var record = ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, time: new FixedTime(When), seed: 1);

        Assert.Matches("^[a-z]{5}-[a-z]{4}$", record.Name);
        Assert.Equal($"refs/exps/{baseline[..2]}/{baseline[2..]}/{record.Name}", record.RefName);
        // NOTE: golden from Python: sha256(json.dumps({"train": <lock entry>}, sort_keys=True)).
        Assert.Equal("9fb29b25cf8e02a49253144d37cd5970c8540b7b99f7ebbee3e5a4d8a8c0e38d", record.ExpHash);
        using var git = new Repository(repo.Root);
        var commit = git.Lookup<Commit>(git.Refs[record.RefName]!.TargetIdentifier);
        Assert.Equal(baseline, Assert.Single(commit.Parents).Sha);
        Assert.Equal($"dvc: commit experiment {record.ExpHash}", commit.Message);
        Assert.Equal("train:\n  num_leaves: 63\n", ((Blob)commit["params.yaml"].Target).GetContentText());
        Assert.Equal(ExpLock, ((Blob)commit["dvc.lock"].Target).GetContentText());
        Assert.Null(commit["models/model.bin"]);
        Assert.Equal(baseline, git.Head.Tip.Sha);
        Assert.False(git.RetrieveStatus(new StatusOptions { IncludeUntracked = true }).IsDirty);
        Assert.Equal("train:\n  num_leaves: 31\n", File.ReadAllText(Path.Combine(repo.Root, "params.yaml")));
    }

    [Fact]
    public void Record_SameSeedTwice_SecondNameRedrawn()
    {
        using var repo = Baseline();
        var baseline = HeadSha(repo.Root);
        using var worktree = GitWorktree.Add(repo.Root, baseline);
        RunExperiment(worktree.Path);

        var first = ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, time: new FixedTime(When), seed: 5);
        var second = ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, time: new FixedTime(When), seed: 5);

        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public void Record_GivenNameTaken_UsageError()
    {
        using var repo = Baseline();
        var baseline = HeadSha(repo.Root);
        using var worktree = GitWorktree.Add(repo.Root, baseline);
        RunExperiment(worktree.Path);
        ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, name: "leaves-63", time: new FixedTime(When));

        Assert.Throws<Pipeline.Engine.Failures.UsageException>(() =>
            ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, name: "leaves-63", time: new FixedTime(When)));
        Assert.Throws<Pipeline.Engine.Failures.UsageException>(() =>
            ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, name: "a/b", time: new FixedTime(When)));
    }

    [Fact]
    public void ExperimentList_OneExperiment_WorkspaceFirstWithMetricsAndParams()
    {
        using var repo = Baseline();
        var baseline = HeadSha(repo.Root);
        using var worktree = GitWorktree.Add(repo.Root, baseline);
        RunExperiment(worktree.Path);
        ExperimentRecorder.Record(repo.Root, baseline, worktree.Path, name: "leaves-63", time: new FixedTime(When));

        var table = ExperimentList.Read(repo.Root);

        Assert.Equal(["workspace", baseline[..7], "leaves-63"], table.Rows.Select(r => r.Name));
        Assert.Equal(
            "Experiment  Created           auc    train.num_leaves\n" +
            "----------  ----------------  -----  ----------------\n" +
            "workspace   -                 0.912  31\n" +
            $"{baseline[..7]}     2024-05-01 12:00  0.912  31\n" +
            "leaves-63   2024-06-01 09:30  0.917  63\n",
            table.ToTable());
    }

    private static RemoteTestRepo Baseline()
    {
        var repo = new RemoteTestRepo();
        repo.Write("params.yaml", "train:\n  num_leaves: 31\n");
        repo.Write("metrics.json", "{\"auc\": 0.912}");
        repo.Write("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    metrics:\n    - metrics.json:\n        cache: false\n");
        RemoteTestRepo.Commit(repo.Root, "params and metrics");
        return repo;
    }

    private static void RunExperiment(string root)
    {
        File.WriteAllText(Path.Combine(root, "params.yaml"), "train:\n  num_leaves: 63\n");
        File.WriteAllText(Path.Combine(root, "metrics.json"), "{\"auc\": 0.917}");
        File.WriteAllText(Path.Combine(root, "dvc.lock"), ExpLock);
        Directory.CreateDirectory(Path.Combine(root, "models"));
        File.WriteAllText(Path.Combine(root, "models", "model.bin"), "model-v2");
    }

    private static string HeadSha(string root)
    {
        using var git = new Repository(root);
        return git.Head.Tip.Sha;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
