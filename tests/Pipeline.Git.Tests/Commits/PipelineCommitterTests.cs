using LibGit2Sharp;
using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Git.Commits;
using Pipeline.Git.Registry;
using Pipeline.Git.Tests.Registry;
using CommitOptions = Pipeline.Git.Commits.CommitOptions;

namespace Pipeline.Git.Tests.Commits;

public sealed class PipelineCommitterTests : IDisposable
{
    private const string DvcYaml = "stages:\n  train:\n    cmd: x\n    outs:\n    - models/model.bin\n  evaluate:\n    cmd: y\n    metrics:\n    - metrics.json:\n        cache: false\n";
    private static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TargetRunResult[] Ran =
    [
        new("Train", TargetStatus.Executed, "params changed: train.lr"),
        new("Evaluate", TargetStatus.Executed, "input changed: models/model.bin"),
        new("Ingest", TargetStatus.Skipped, "up to date"),
    ];

    private readonly TestGitRepository _git = new();
    private readonly CommitOptions _options = new(new GitIdentity("Pipeline Bot", "bot@example.com"), new SteppingTimeProvider(Now));

    public PipelineCommitterTests()
    {
        _git.CommitFiles("initial",
            ("dvc.yaml", DvcYaml),
            ("params.yaml", "train:\n  lr: 0.1\n"),
            ("metrics.json", "{\"auc\": 0.912, \"loss\": 0.3}"),
            (".gitignore", "/models/\n"),
            ("README.md", "readme\n"));
    }

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Commit_AfterRun_CommitsOnlyPipelineFiles()
    {
        WriteRunResults();
        _git.Write("notes.txt", "unrelated\n");
        _git.Write("README.md", "edited but unrelated\n");

        var result = PipelineCommitter.Commit(_git.Root, Ran, _options);

        Assert.NotNull(result);
        Assert.Equal([".dvc/config", ".nuke/code/Train.txt", "data/.gitignore", "data/raw.csv.dvc", "dvc.lock", "metrics.json", "params.yaml"], result.Files);
        var tip = _git.Repo.Head.Tip;
        Assert.Equal(result.Sha, tip.Sha);
        Assert.Null(tip["models/model.bin"]);
        Assert.Null(tip["notes.txt"]);
        Assert.Equal(FileStatus.NewInWorkdir, _git.Repo.RetrieveStatus("notes.txt"));
        Assert.Equal(FileStatus.ModifiedInWorkdir, _git.Repo.RetrieveStatus("README.md"));
        Assert.Equal("Pipeline Bot", tip.Author.Name);
        Assert.Equal(Now, tip.Committer.When);
    }

    [Fact]
    public void Commit_MetricChange_MessageSaysWhatRanAndChanged()
    {
        WriteRunResults();

        var result = PipelineCommitter.Commit(_git.Root, Ran, _options)!;

        Assert.Equal(
            "Train, Evaluate: auc 0.912 → 0.917, loss 0.3 → 0.25\n" +
            "\n" +
            "Targets:\n" +
            "- Train: executed (params changed: train.lr)\n" +
            "- Evaluate: executed (input changed: models/model.bin)\n" +
            "\n" +
            "Metrics:\n" +
            "- metrics.json auc 0.912 → 0.917\n" +
            "- metrics.json loss 0.3 → 0.25\n" +
            "\n" +
            "Files:\n" +
            "- .dvc/config\n- .nuke/code/Train.txt\n- data/.gitignore\n- data/raw.csv.dvc\n- dvc.lock\n- metrics.json\n- params.yaml\n",
            result.Message);
        Assert.Equal("Train, Evaluate: auc 0.912 → 0.917, loss 0.3 → 0.25", _git.Repo.Head.Tip.MessageShort);
    }

    [Fact]
    public void Commit_ManyMetrics_SubjectNamesTheFirstFew()
    {
        _git.Write("metrics.json", "{\"auc\": 0.92, \"loss\": 0.2, \"name\": \"b\", \"p\": 1, \"r\": 2}");

        var result = PipelineCommitter.Commit(_git.Root, [new("Evaluate", TargetStatus.Executed, "")], _options with { MetricsInSubject = 2 })!;

        Assert.StartsWith("Evaluate: auc 0.912 → 0.92, loss 0.3 → 0.2 (+3 more)\n\nTargets:\n- Evaluate: executed\n", result.Message);
    }

    [Fact]
    public void Commit_NoMetricChange_SubjectListsFiles()
    {
        _git.Write("dvc.lock", "schema: '2.0'\n");

        var result = PipelineCommitter.Commit(_git.Root, [new("Train", TargetStatus.Restored, "restored from run-cache")], _options)!;

        Assert.StartsWith("Pipeline: update dvc.lock\n\nTargets:\n- Train: restored (restored from run-cache)\n", result.Message);
    }

    [Fact]
    public void Commit_NothingChanged_ReturnsNullWithoutCommit()
    {
        var before = _git.Repo.Head.Tip.Sha;
        _git.Write("notes.txt", "unrelated\n");

        Assert.Null(PipelineCommitter.Commit(_git.Root, Ran, _options));
        Assert.Equal(before, _git.Repo.Head.Tip.Sha);
    }

    [Fact]
    public void Commit_UnrelatedStagedFile_Refuses()
    {
        WriteRunResults();
        _git.Write("src/app.cs", "class A {}\n");
        Commands.Stage(_git.Repo, "src/app.cs");

        var e = Assert.Throws<RepositoryStateException>(() => PipelineCommitter.Commit(_git.Root, Ran, _options));

        Assert.Contains("src/app.cs", e.Message);
        Assert.Contains("--allow-dirty-index", e.Message);
        Assert.Single(_git.Repo.Commits);
    }

    [Fact]
    public void Commit_UnrelatedStagedFileAllowed_CommitsItToo()
    {
        WriteRunResults();
        _git.Write("src/app.cs", "class A {}\n");
        Commands.Stage(_git.Repo, "src/app.cs");

        var result = PipelineCommitter.Commit(_git.Root, Ran, _options with { AllowDirtyIndex = true })!;

        Assert.Contains("src/app.cs", result.Files);
    }

    [Fact]
    public void Commit_DetachedHead_RefusesUnlessAllowed()
    {
        WriteRunResults();
        Commands.Checkout(_git.Repo, _git.Repo.Head.Tip, new CheckoutOptions());

        var e = Assert.Throws<RepositoryStateException>(() => PipelineCommitter.Commit(_git.Root, Ran, _options));
        Assert.Contains("detached", e.Message);
        Assert.Contains("--allow-detached", e.Message);

        Assert.NotNull(PipelineCommitter.Commit(_git.Root, Ran, _options with { AllowDetached = true }));
    }

    [Fact]
    public void Commit_GitLog_ReadsSubjectAndAuthor()
    {
        WriteRunResults();
        PipelineCommitter.Commit(_git.Root, Ran, _options);

        var psi = new System.Diagnostics.ProcessStartInfo("git", ["log", "-1", "--format=%an <%ae> %at%n%s"]) { WorkingDirectory = _git.Root, RedirectStandardOutput = true };
        using var git = System.Diagnostics.Process.Start(psi)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();

        Assert.Equal($"Pipeline Bot <bot@example.com> {Now.ToUnixTimeSeconds()}\nTrain, Evaluate: auc 0.912 → 0.917, loss 0.3 → 0.25\n", output);
    }

    private void WriteRunResults()
    {
        _git.Write("dvc.lock", "schema: '2.0'\nstages: {}\n");
        _git.Write("params.yaml", "train:\n  lr: 0.05\n");
        _git.Write("metrics.json", "{\"auc\": 0.917, \"loss\": 0.25}");
        _git.Write("models/model.bin", "binary");
        _git.Write("data/raw.csv", "a,b\n");
        _git.Write("data/.gitignore", "/raw.csv\n");
        _git.Write("data/raw.csv.dvc", "outs:\n- md5: x\n  path: raw.csv\n");
        _git.Write(".nuke/code/Train.txt", "fingerprint\n");
        _git.Write(".dvc/config", "[core]\n");
        _git.Write(".dvc/cache/files/md5/ab/cdef", "cached");
    }
}
