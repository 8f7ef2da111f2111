using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using static Pipeline.Engine.Tests.Dvc.DvcTestData;

namespace Pipeline.Engine.Tests.Dvc;

public sealed class LockFileTests
{
    private const string ExternalOutputsLock =
        "schema: '2.0'\nstages:\n  mystage:\n    cmd: mycmd\n    deps:\n    - path: remote://workspace/foo\n      hash: md5\n" +
        "      md5: acbd18db4cc2f85cedef654fccc4a4d8\n      size: 3\n    outs:\n    - path: remote://workspace/bar\n" +
        "      hash: md5\n      md5: 37b51d194a7513e45b56f6524f2d51f2\n      size: 3\n";

    [Fact]
    public void ToText_TestRunExternalOutputs_MatchesDvc()
    {
        using var t = new TempDir();
        var lockFile = LockFile.Load(t["dvc.lock"]);
        lockFile.Set("mystage", new StageLock("mycmd", [File("remote://workspace/foo", "foo")], [], [File("remote://workspace/bar", "bar")]));
        Assert.Equal(ExternalOutputsLock, lockFile.ToText());
    }

    [Fact]
    public void Set_ExistingStage_ReplacedInPlaceNewStageAppended()
    {
        var lockFile = LockFile.Parse("schema: '2.0'\nstages:\n  b:\n    cmd: old\n  a:\n    cmd: a\n");
        lockFile.Set("b", new StageLock("new", [], [], []));
        lockFile.Set("0", new StageLock("zero", [], [], []));
        Assert.Equal("schema: '2.0'\nstages:\n  b:\n    cmd: new\n  a:\n    cmd: a\n  '0':\n    cmd: zero\n", lockFile.ToText());
        Assert.Equal(["b", "a", "0"], lockFile.StageNames);
    }

    [Fact]
    public void Set_NewStagesInEitherFinishingOrder_PlacedByStageOrder()
    {
        string Written(params string[] finishing)
        {
            var lockFile = LockFile.Parse("schema: '2.0'\nstages:\n  ingest:\n    cmd: i\n  manual:\n    cmd: m\n");
            lockFile.StageOrder = ["ingest", "left", "right", "train"];
            foreach (var stage in finishing) lockFile.Set(stage, new StageLock(stage, [], [], []));
            return string.Join(",", lockFile.StageNames);
        }

        // NOTE: 'manual' and 'extra' are not in the order: they keep their place and new stages go after them.
        Assert.Equal("ingest,manual,left,right,train", Written("right", "left", "train"));
        Assert.Equal("ingest,manual,left,right,train", Written("left", "right", "train"));
        Assert.Equal("ingest,manual,extra,left,right", Written("extra", "right", "left"));
    }

    [Fact]
    public void SaveThenLoad_RoundTripsBytesAndEntries()
    {
        using var t = new TempDir();
        LockFile.Parse(ExternalOutputsLock).Save(t["dvc.lock"]);
        Assert.Equal(ExternalOutputsLock, System.IO.File.ReadAllText(t["dvc.lock"]));
        var entry = LockFile.Load(t["dvc.lock"]).Get("mystage")!;
        Assert.Equal("mycmd", entry.Cmd);
        Assert.Equal(File("remote://workspace/foo", "foo"), Assert.Single(entry.Deps));
        Assert.Single(Directory.GetFiles(t.Path));
    }

    [Fact]
    public void Get_UnknownStage_Null() => Assert.Null(LockFile.Parse(ExternalOutputsLock).Get("other"));

    [Theory]
    [InlineData("schema: 2.0\nstages: {}\n", "schema")]
    [InlineData("stages:\n  a:\n    cmd: x\n", "schema")]
    [InlineData("schema: '2.0'\nstages:\n  a:\n    deps: []\n", "cmd")]
    [InlineData("schema: '2.0'\nstages: [\n", "line")]
    public void Load_CorruptOrWrongSchema_ThrowsRepositoryStateNamingFile(string text, string detail)
    {
        using var t = new TempDir();
        System.IO.File.WriteAllText(t["dvc.lock"], text);
        var e = Assert.Throws<RepositoryStateException>(() => LockFile.Load(t["dvc.lock"]));
        Assert.Contains(t["dvc.lock"], e.Message);
        Assert.Contains(detail, e.Message);
        Assert.Contains("git", e.Message);
    }
}
