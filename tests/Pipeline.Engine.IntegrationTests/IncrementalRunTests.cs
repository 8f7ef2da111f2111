namespace Pipeline.Engine.IntegrationTests;

[Collection(TemplateCollection.Name)]
public sealed class IncrementalRunTests(TemplateRepository template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_FirstThenSecondRun_ExecutesEverythingThenSkipsEverything()
    {
        var first = _repo.Run();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.All(new[] { "Prepare", "Count", "Report", "Side" }, t => Assert.Equal("executed", _repo.Statuses()[t]));
        Assert.Equal("HELLO WORLD\n!", _repo.Read("out/prepared.txt"));

        var second = _repo.Run();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(_repo.Statuses().Values, s => Assert.Equal("skipped", s));
        Assert.All(_repo.Reasons().Values, r => Assert.Equal("up to date", r));
    }

    [Fact]
    public void Build_InputChanged_RerunsOnlyTheChainThatReadsIt()
    {
        _repo.Run();
        _repo.Write("input/raw.txt", "hello again, world\n");

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        var statuses = _repo.Statuses();
        Assert.Equal("executed", statuses["Prepare"]);
        Assert.Equal("input changed: input/raw.txt", _repo.Reasons()["Prepare"]);
        Assert.Equal("executed", statuses["Count"]);
        Assert.Equal("executed", statuses["Report"]);
        Assert.Equal("skipped", statuses["Side"]);
    }

    [Fact]
    public void Build_DownstreamOutputUnchanged_StopsTheRerunChain()
    {
        _repo.Run();
        _repo.Write("input/raw.txt", "HELLO WORLD\n"); // same upper-cased text: Prepare's output does not change

        _repo.Run();

        var statuses = _repo.Statuses();
        Assert.Equal("executed", statuses["Prepare"]);
        Assert.Equal("skipped", statuses["Count"]);
        Assert.Equal("skipped", statuses["Report"]);
    }

    [Fact]
    public void Build_ParamChangedWithSet_WritesParamsYamlAndRerunsItsReader()
    {
        _repo.Run();

        var result = _repo.Run("--set", "prep.suffix=?");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("suffix: '?'", _repo.Read("params.yaml"));
        Assert.Contains("# appended by Prepare", _repo.Read("params.yaml"));
        Assert.Equal("executed", _repo.Statuses()["Prepare"]);
        Assert.StartsWith("param changed: ", _repo.Reasons()["Prepare"]);
        Assert.Equal("HELLO WORLD\n?", _repo.Read("out/prepared.txt"));
        Assert.Equal("skipped", _repo.Statuses()["Side"]);
    }

    [Fact]
    public void Build_UndeclaredParamChanged_DoesNotRerun()
    {
        _repo.Run();
        _repo.Run("--set", "other.value=2");
        Assert.All(_repo.Statuses().Values, s => Assert.Equal("skipped", s));
    }

    [Fact]
    public void Build_Force_RerunsEveryPlannedTarget()
    {
        _repo.Run();
        _repo.Run("--force");
        Assert.All(_repo.Statuses().Values, s => Assert.Equal("executed", s));
    }

    [Fact]
    public void Build_OutputDeleted_RestoresItFromTheCacheWithoutRunning()
    {
        _repo.Run();
        File.Delete(_repo.PathOf("out/count.txt"));
        Directory.Delete(_repo.PathOf("out/side"), recursive: true);

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("restored", _repo.Statuses()["Count"]);
        Assert.Equal("restored", _repo.Statuses()["Side"]);
        Assert.Equal("skipped", _repo.Statuses()["Report"]);
        Assert.Equal("13", _repo.Read("out/count.txt"));
        Assert.True(File.Exists(_repo.PathOf("out/side/a.txt.copy")));
    }

    [Fact]
    public void Build_OutputModifiedByHand_PutsBackTheRecordedOutput()
    {
        _repo.Run();
        _repo.Write("out/count.txt", "999");

        _repo.Run();

        // NOTE: as in DVC, the (code, inputs, params) combination is in the run-cache, so the output is checked out.
        Assert.Equal("restored", _repo.Statuses()["Count"]);
        Assert.Equal("restored from run-cache (output modified: out/count.txt)", _repo.Reasons()["Count"]);
        Assert.Equal("13", _repo.Read("out/count.txt"));
        Assert.Equal("skipped", _repo.Statuses()["Report"]);
    }

    [Fact]
    public void Build_OutputModifiedAndForced_RerunsItsProducer()
    {
        _repo.Run();
        _repo.Write("out/count.txt", "999");

        _repo.Run("Count", "--force");

        Assert.Equal("executed", _repo.Statuses()["Count"]);
        Assert.Equal("13", _repo.Read("out/count.txt"));
    }

    [Fact]
    public void Build_InputRevertedToAnEarlierVersion_RestoresFromTheRunCache()
    {
        _repo.Run();
        _repo.Write("input/raw.txt", "branch b\n");
        _repo.Run();
        _repo.Write("input/raw.txt", "hello world\n");

        var result = _repo.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("restored", _repo.Statuses()["Prepare"]);
        Assert.StartsWith("restored from run-cache", _repo.Reasons()["Prepare"]);
        Assert.Equal("HELLO WORLD\n!", _repo.Read("out/prepared.txt"));
    }

    [Fact]
    public void Build_NewGlobMatch_RerunsTheGlobReader()
    {
        _repo.Run();
        _repo.Write("input/side/c.txt", "c\n");

        _repo.Run();

        Assert.Equal("executed", _repo.Statuses()["Side"]);
        Assert.Equal("new input: input/side/c.txt", _repo.Reasons()["Side"]);
        Assert.True(File.Exists(_repo.PathOf("out/side/c.txt.copy")));
    }
}
