namespace Pipeline.Engine.IntegrationTests;

[Collection(TemplateCollection.Name)]
public sealed class CliTests(TemplateRepository template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_UnknownTarget_ExitsTwoWithSuggestion()
    {
        var result = _repo.Run("Reprot");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Target 'Reprot' not found. Did you mean 'Report'?", result.Stderr);
    }

    [Fact]
    public void Build_UnknownOption_ExitsTwoWithSuggestion()
    {
        var result = _repo.Run("--forse");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Did you mean '--force'?", result.Stderr);
    }

    [Fact]
    public void Help_ListsTargetsDependenciesAndParameters()
    {
        var result = _repo.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Report (default)", result.Stdout);
        Assert.Contains("AfterFlaky", result.Stdout);
        Assert.Contains("-> Flaky", result.Stdout);
        Assert.Contains("--delay-ms", result.Stdout);
        Assert.Contains("--plan", result.Stdout);
    }

    [Fact]
    public void Plan_SaysWhyEachTargetRunsAndRunsNothing()
    {
        var result = _repo.Run("--plan");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("never ran", result.Stdout);
        Assert.False(File.Exists(_repo.PathOf("out/prepared.txt")));
        Assert.False(File.Exists(_repo.PathOf("dvc.lock")));

        _repo.Run();
        _repo.Write("input/raw.txt", "other\n");
        var after = _repo.Run("--plan");
        Assert.Matches(@"Prepare\s+run\s+input changed: input/raw.txt", after.Stdout);
        Assert.Matches(@"Side\s+skip\s+up to date", after.Stdout);
        Assert.Matches(@"Count\s+may run", after.Stdout);
    }

    [Fact]
    public void Track_WritesDvcFileAndCachesTheFile()
    {
        _repo.Write("data/external/foo.txt", "foo");

        var result = _repo.Run("Track", "data/external/foo.txt");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo.txt\n", _repo.Read("data/external/foo.txt.dvc"));
        Assert.True(File.Exists(_repo.PathOf(".dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8")));
        Assert.Contains("/foo.txt", _repo.Read("data/external/.gitignore"));
    }

    [Fact]
    public void Build_JobsOne_RunsTheSamePlanSequentially()
    {
        var result = _repo.Run("--jobs", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Prepare", "Count", "Report", "Side"], _repo.Statuses().Keys.Where(k => k is "Prepare" or "Count" or "Report" or "Side"));
    }

    [Fact]
    public void Build_JobsTwo_RunsIndependentTargetsAtTheSameTime()
    {
        var result = _repo.Run("Left", "Right", "--jobs", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        // NOTE: each target ends only after seeing the other's start (or after a minute without it): both seeing it means the two ran at once.
        Assert.Equal("right started before left ended", _repo.Read("out/left.txt"));
        Assert.Equal("left started before right ended", _repo.Read("out/right.txt"));
        Assert.All(new[] { "left.start", "left.end", "right.start", "right.end" }, stamp => Assert.True(File.Exists(_repo.PathOf("stamps/" + stamp)), stamp));
    }
}
