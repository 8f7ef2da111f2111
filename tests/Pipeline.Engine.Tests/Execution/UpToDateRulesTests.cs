using Pipeline.Engine.Dvc;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Tests.Execution;

public sealed class UpToDateRulesTests
{
    private const string Cmd = "./build.sh Train --skip";
    private const string Code = ".nuke/code/Train.txt";

    private static readonly TargetSpec Spec = new("Train") { Inputs = ["data/a.csv"], Outputs = ["model.zip"], Params = ["train.lr"] };

    private static readonly Dictionary<string, OutputState> Unchanged = new() { ["model.zip"] = OutputState.Unchanged };

    private static HashInfo Info(char digit) => new(ContentHash.Parse(new string(digit, 32)), 10);

    private static StageLock Entry(double lr = 0.1, string cmd = Cmd, params (string Path, char Hash)[] deps) =>
        new(cmd,
            (deps.Length > 0 ? deps : [(Code, '1'), ("data/a.csv", '2')]).Select(d => new LockedPath(d.Path, Info(d.Hash))).ToList(),
            [new ParamsLock("params.yaml", new OrderedMap { { "train.lr", lr } })],
            [new LockedPath("model.zip", Info('9'))]);

    private static Verdict Decide(StageLock current, StageLock? recorded, Dictionary<string, OutputState>? outputs = null, bool force = false, TargetSpec? spec = null) =>
        UpToDateRules.Decide(spec ?? Spec, current, recorded, outputs ?? Unchanged, force);

    [Fact]
    public void Decide_AllSame_SkipsUpToDate() =>
        Assert.Equal(new Verdict(VerdictKind.Skip, "up to date"), Decide(Entry(), Entry()));

    [Fact]
    public void Decide_Force_RunsBeforeAnyOtherRule() =>
        Assert.Equal(Verdict.Run("--force"), Decide(Entry(), null, force: true, spec: Spec with { AlwaysRun = true }));

    [Fact]
    public void Decide_AlwaysRun_Runs() =>
        Assert.Equal(Verdict.Run("always runs (AlwaysRun)"), Decide(Entry(), Entry(), spec: Spec with { AlwaysRun = true }));

    [Fact]
    public void Decide_NothingDeclared_Runs() =>
        Assert.Equal(Verdict.Run("declares no inputs, outputs or params"), Decide(Entry(), Entry(), [], spec: new TargetSpec("Train")));

    [Fact]
    public void Decide_OnlyMetricsDeclared_IsNotNothingDeclared() =>
        Assert.Equal(VerdictKind.Skip, Decide(Entry(), Entry(), spec: new TargetSpec("Train") { Metrics = ["m.json"] }).Kind);

    [Fact]
    public void Decide_NoRecord_NeverRan() =>
        Assert.Equal(Verdict.Run("never ran"), Decide(Entry(), null));

    [Fact]
    public void Decide_OtherCommand_CommandChanged() =>
        Assert.Equal(Verdict.Run("command changed"), Decide(Entry(), Entry(0.2, "./build.sh Old --skip", (Code, '7'))));

    [Fact]
    public void Decide_CodeHashDiffers_CodeChangedBeforeInputChanged() =>
        Assert.Equal(Verdict.Run("code changed"), Decide(Entry(), Entry(0.1, Cmd, (Code, '7'), ("data/a.csv", '8'))));

    [Fact]
    public void Decide_CodeNotRecorded_Runs() =>
        Assert.Equal(Verdict.Run("code not recorded"), Decide(Entry(), Entry(0.1, Cmd, ("data/a.csv", '2'))));

    [Fact]
    public void Decide_InputHashDiffers_InputChanged() =>
        Assert.Equal(Verdict.Run("input changed: data/a.csv"), Decide(Entry(), Entry(0.1, Cmd, (Code, '1'), ("data/a.csv", '8'))));

    [Fact]
    public void Decide_InputAdded_NewInput() =>
        Assert.Equal(
            Verdict.Run("new input: data/b.csv"),
            Decide(Entry(0.1, Cmd, (Code, '1'), ("data/a.csv", '2'), ("data/b.csv", '3')), Entry()));

    [Fact]
    public void Decide_InputDropped_InputRemoved() =>
        Assert.Equal(
            Verdict.Run("input removed: data/b.csv"),
            Decide(Entry(), Entry(0.1, Cmd, (Code, '1'), ("data/a.csv", '2'), ("data/b.csv", '3'))));

    [Fact]
    public void Decide_InputChangedAndParamChanged_InputWins() =>
        Assert.Equal(Verdict.Run("input changed: data/a.csv"), Decide(Entry(0.2), Entry(0.1, Cmd, (Code, '1'), ("data/a.csv", '8'))));

    [Fact]
    public void Decide_ParamValueDiffers_ShowsOldAndNew() =>
        Assert.Equal(Verdict.Run("param changed: train.lr (0.1 → 0.2)"), Decide(Entry(0.2), Entry(0.1)));

    [Fact]
    public void Decide_SameParamDifferentType_ComparedByCanonicalJson() =>
        Assert.Equal(Verdict.Run("param changed: train.lr (1.0 → 1)"), Decide(WithParams(("train.lr", 1L)), Entry(1.0)));

    [Fact]
    public void Decide_ParamAdded_NewParam() =>
        Assert.Equal(Verdict.Run("new param: train.epochs"), Decide(WithParams(("train.lr", 0.1), ("train.epochs", 3L)), Entry()));

    [Fact]
    public void Decide_ParamDropped_ParamRemoved() =>
        Assert.Equal(Verdict.Run("param removed: train.epochs"), Decide(Entry(), WithParams(("train.lr", 0.1), ("train.epochs", 3L))));

    [Fact]
    public void Decide_SectionValueDiffers_NamesTheChangedLeaf()
    {
        OrderedMap Section(long budget) => new() { ["budget"] = budget, ["seed"] = 7L };

        var verdict = Decide(WithParams(("train", Section(8))), WithParams(("train", Section(10))));

        Assert.Equal("param changed: train.budget (10 → 8)", verdict.Reason);
    }

    [Fact]
    public void Decide_OtherParamsFile_PrefixedWithItsName()
    {
        var current = Entry() with { Params = [new ParamsLock("other.yaml", new OrderedMap { ["lr"] = 0.2 })] };
        var recorded = Entry() with { Params = [new ParamsLock("other.yaml", new OrderedMap { ["lr"] = 0.1 })] };

        Assert.Equal("param changed: other.yaml:lr (0.1 → 0.2)", Decide(current, recorded).Reason);
    }

    [Fact]
    public void Decide_LongParamValue_Shortened()
    {
        var verdict = Decide(WithParams(("train.lr", new string('x', 60))), Entry());

        Assert.Equal($"param changed: train.lr (0.1 → \"{new string('x', 36)}...)", verdict.Reason);
    }

    [Theory]
    [InlineData(nameof(OutputState.Missing), "output missing: model.zip")]
    [InlineData(nameof(OutputState.Modified), "output modified: model.zip")]
    [InlineData(nameof(OutputState.NotRecorded), "new output: model.zip")]
    public void Decide_OutputState_Runs(string state, string reason) =>
        Assert.Equal(Verdict.Run(reason), Decide(Entry(), Entry(), new() { ["model.zip"] = Enum.Parse<OutputState>(state) }));

    [Fact]
    public void Decide_ParamChangedAndOutputMissing_ParamWins() =>
        Assert.Equal(VerdictKind.Run, Decide(Entry(0.2), Entry(), new() { ["model.zip"] = OutputState.Missing }).Kind);

    [Fact]
    public void Decide_SeveralOutputsChanged_FirstByPath() =>
        Assert.Equal(
            Verdict.Run("output modified: a.txt"),
            Decide(Entry(), Entry(), new() { ["z.txt"] = OutputState.Missing, ["a.txt"] = OutputState.Modified }));

    [Fact]
    public void Decide_RestorableOutputs_RestoreListingThemSorted() =>
        Assert.Equal(
            new Verdict(VerdictKind.Restore, "restored from cache: a.txt, model.zip"),
            Decide(Entry(), Entry(), new() { ["model.zip"] = OutputState.Restorable, ["a.txt"] = OutputState.Restorable, ["b.txt"] = OutputState.Unchanged }));

    [Fact]
    public void Decide_RestorableAndMissing_Runs() =>
        Assert.Equal(
            Verdict.Run("output missing: model.zip"),
            Decide(Entry(), Entry(), new() { ["a.txt"] = OutputState.Restorable, ["model.zip"] = OutputState.Missing }));

    private static StageLock WithParams(params (string Key, object Value)[] values)
    {
        var map = new OrderedMap();
        foreach (var (key, value) in values) map[key] = value;
        return Entry() with { Params = [new ParamsLock("params.yaml", map)] };
    }
}
