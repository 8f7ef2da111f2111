namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>Versions in git end to end: --commit with registry tags, Push, a fresh clone that Pulls and executes nothing, Reproduce, MetricsDiff.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class VersioningTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();
    private readonly DirectoryInfo _remote = Directory.CreateTempSubdirectory("pipeline-remote-");
    private readonly DirectoryInfo _cloneParent = Directory.CreateTempSubdirectory("pipeline-clone-");

    public void Dispose()
    {
        _repo.Dispose();
        new TestRepository(_remote.FullName, owned: true).Dispose();
        new TestRepository(_cloneParent.FullName, owned: true).Dispose();
    }

    [Fact]
    public void CommitPushThenFreshClonePull_ExecutesNothing()
    {
        CommitFirstRun();
        Assert.Contains("fraud-detector@v0.0.1", Git(_repo.Root, "tag", "-n"));
        Assert.Contains("fraud-detector#production#1", Git(_repo.Root, "tag", "-n"));
        Assert.Matches(@"^Source, Ingest, Validate, Featurize, Train, Evaluate, Gate, Register, Deploy", Git(_repo.Root, "log", "-1", "--format=%s"));
        Assert.Equal("", Git(_repo.Root, "status", "--porcelain", "--untracked-files=no").Trim());
        var push = _repo.Run("Push");
        Assert.True(push.ExitCode == 0, push.ToString());

        var clone = Path.Combine(_cloneParent.FullName, "clone");
        Git(_cloneParent.FullName, "clone", "-q", _repo.Root, clone);
        ShareCompiledBuild(_repo.Root, clone);
        var cloned = new TestRepository(clone, owned: false);
        var pull = cloned.Run("Pull");
        Assert.True(pull.ExitCode == 0, pull.ToString());

        var run = cloned.Run();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("executed", cloned.Statuses().Values);
        Assert.Equal(PipelineFiles.Stages.Length, cloned.Statuses().Count);
    }

    [Fact]
    public void Reproduce_CommittedRun_EveryOutputMatches()
    {
        CommitFirstRun();

        var result = _repo.Run("Reproduce", "--rev", "HEAD");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("match", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DIFFERENT", result.Stdout);
    }

    [Fact]
    public void MetricsDiff_AfterTrainingChange_ShowsTheMetricChange()
    {
        CommitFirstRun();
        Assert.Equal(0, _repo.Run("--set", "train.seed=8").ExitCode);

        var table = _repo.Run("MetricsDiff", "--rev", "HEAD");
        var json = _repo.Run("MetricsDiff", "--rev", "HEAD", "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("metrics.json", table.Stdout);
        Assert.Contains("auc", table.Stdout);
        Assert.Contains("\"metrics.json\": {", json.Stdout);
    }

    [Fact]
    public void Experiment_ParamChange_RecordsARefAndLeavesTheBranchAndWorkspaceAlone()
    {
        CommitFirstRun();
        var head = Git(_repo.Root, "rev-parse", "HEAD").Trim();
        var paramsBefore = _repo.Read("params.yaml");

        var run = _repo.Run("Train", "--set", "train.seed=8", "--experiment", "--experiment-name", "seed-eight");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(head, Git(_repo.Root, "rev-parse", "HEAD").Trim());
        Assert.Equal(paramsBefore, _repo.Read("params.yaml"));
        var refs = Git(_repo.Root, "for-each-ref", "--format=%(refname)", "refs/exps/");
        Assert.Contains($"refs/exps/{head[..2]}/{head[2..]}/seed-eight", refs);
        Assert.Equal(head, Git(_repo.Root, "rev-parse", $"refs/exps/{head[..2]}/{head[2..]}/seed-eight^").Trim());
        var list = _repo.Run("Experiments");
        Assert.Contains("seed-eight", list.Stdout);
    }

    private void CommitFirstRun()
    {
        Git(_repo.Root, "init", "-q", "-b", "main");
        Git(_repo.Root, "config", "user.name", "Pipeline Tests");
        Git(_repo.Root, "config", "user.email", "tests@example.com");
        _repo.Write(".dvc/config", $"[core]\n    remote = local\n['remote \"local\"']\n    url = {_remote.FullName}\n");
        Git(_repo.Root, "add", "-A");
        Git(_repo.Root, "commit", "-q", "-m", "pipeline");
        var run = _repo.Run([.. PipelineFiles.FastDefaultRun, "--commit"]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    /// <summary>Copies the compiled build and its source stamp, so build.sh in the clone (same sources) does not recompile.</summary>
    internal static void ShareCompiledBuild(string from, string to)
    {
        TemplateRepository.Copy(Path.Combine(from, "build", "bin"), Path.Combine(to, "build", "bin"), includeBuildOutput: true);
        Directory.CreateDirectory(Path.Combine(to, ".nuke", "temp"));
        File.Copy(Path.Combine(from, ".nuke", "temp", "build.stamp"), Path.Combine(to, ".nuke", "temp", "build.stamp"));
    }

    private static string Git(string directory, params string[] args) => GitCli.Run(directory, args);
}
