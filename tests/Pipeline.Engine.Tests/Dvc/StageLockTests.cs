using Pipeline.Engine.Dvc;
using Pipeline.Engine.Serialization;
using static Pipeline.Engine.Tests.Dvc.DvcTestData;

namespace Pipeline.Engine.Tests.Dvc;

public sealed class StageLockTests
{
    [Fact]
    public void ToTree_ParamsShape_DefaultFileFirstKeysSortedNestedKept()
    {
        var entry = new StageLock("python train.py", [],
        [
            new ParamsLock("a-params-file.yaml", new OrderedMap { { "barr", "barr" }, { "bar", new List<object?> { "b", "a", "r" } } }),
            new ParamsLock("params.yaml", new OrderedMap { { "lorem.ipsum", new OrderedMap { { "lorem2", 2L }, { "lorem1", 1L } } }, { "abc", 3L } }),
        ], []);
        Assert.Equal(
            "schema: '2.0'\nstages:\n  train:\n    cmd: python train.py\n    params:\n      params.yaml:\n        abc: 3\n" +
            "        lorem.ipsum:\n          lorem2: 2\n          lorem1: 1\n      a-params-file.yaml:\n        bar:\n        - b\n" +
            "        - a\n        - r\n        barr: barr\n",
            DvcYaml.Emit(new OrderedMap { { "schema", "2.0" }, { "stages", new OrderedMap { { "train", entry.ToTree() } } } }));
    }

    [Fact]
    public void ToTree_DirectoryAndMissingPaths_ItemOrderPathHashMd5SizeNfiles()
    {
        var entry = new StageLock("x", [File("dir", "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2)], [], [new LockedPath("gone", null)]);
        Assert.Equal(
            "cmd: x\ndeps:\n- path: dir\n  hash: md5\n  md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n" +
            "outs:\n- path: gone\n  hash: md5\n",
            DvcYaml.Emit(entry.ToTree()));
    }

    [Fact]
    public void ToTree_UnsortedPaths_SortedByPath()
    {
        var entry = new StageLock("c", [File("b", "b"), File("a", "a")], [], [File("z", "z"), File("y", "y")]);
        var tree = entry.ToTree();
        Assert.Equal(["a", "b"], ((List<object?>)tree["deps"]!).Select(d => ((OrderedMap)d!)["path"]));
        Assert.Equal(["y", "z"], ((List<object?>)tree["outs"]!).Select(d => ((OrderedMap)d!)["path"]));
    }

    [Fact]
    public void FromTree_OfToTree_RoundTrips()
    {
        var entry = new StageLock("python train.py",
            [File("data", "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2), File("run.sh", "acbd18db4cc2f85cedef654fccc4a4d8", 3, exec: true)],
            [new ParamsLock("params.yaml", new OrderedMap { { "lr", 0.1 } })],
            [new LockedPath("model", null)]);
        var back = StageLock.FromTree((OrderedMap)DvcYaml.Parse(DvcYaml.Emit(entry.ToTree()))!);
        Assert.Equal(entry.Cmd, back.Cmd);
        Assert.Equal(entry.Deps, back.Deps);
        Assert.Equal(entry.Outs, back.Outs);
        Assert.Equal("params.yaml", Assert.Single(back.Params).File);
        Assert.Equal(0.1, back.Params[0].Values["lr"]);
    }

    [Fact]
    public void FromTree_LegacyEntryWithoutHashKey_ReadsAsNoInfo()
    {
        var tree = (OrderedMap)DvcYaml.Parse("cmd: c\ndeps:\n- path: a\n  md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n")!;
        Assert.Null(Assert.Single(StageLock.FromTree(tree).Deps).Info);
    }

    [Fact]
    public void FromTree_DigitOnlyMd5WrittenAsInt_IsAccepted()
    {
        var tree = (OrderedMap)DvcYaml.Parse("cmd: c\nouts:\n- path: a\n  hash: md5\n  md5: 12345678901234567890123456789012\n  size: 3\n")!;
        Assert.Equal("12345678901234567890123456789012", StageLock.FromTree(tree).Outs[0].Info!.Hash.Value);
    }
}
