using Pipeline.Engine.Dvc;
using Pipeline.Engine.Serialization;
using static Pipeline.Engine.Tests.Dvc.DvcTestData;

namespace Pipeline.Engine.Tests.Dvc;

/// <summary>Vectors from dvc tests/unit/stage/test_cache.py (docs/dvc-format.md §10).</summary>
public sealed class RunCacheTests
{
    private const string Script = "open(\"out\", \"w+\").write(\"out\"); ";
    private const string CopyScript = "\nimport os\nimport shutil\nimport sys\n\nif os.path.isfile(sys.argv[1]):\n" +
        "    shutil.copyfile(sys.argv[1], sys.argv[2])\nelse:\n    shutil.copytree(sys.argv[1], sys.argv[2])\n";

    private static StageLock StageCache() =>
        new("python script.py", [File("dep", "dep"), File("script.py", Script)], [], [File("out", "out")]);

    [Fact]
    public void KeyOf_TestStageCache_MatchesDvc() =>
        Assert.Equal(("c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838", "5e2824029f8da9ef6c57131a638ceb65f27c02f16c85d71e85671c27daed0501"),
            RunCache.KeyOf(StageCache()));

    [Fact]
    public void KeyOf_TestStageCacheParams_MatchesDvc()
    {
        var entry = new StageLock("python script.py", [],
        [
            new ParamsLock("params.yaml", new OrderedMap { { "foo", 1L }, { "bar", 2L } }),
            new ParamsLock("myparams.yaml", new OrderedMap { { "baz", 3L }, { "qux", 4L } }),
        ], [File("out", "out")]);
        Assert.Equal(("8fdb377d1b4c0a303b788771b122dfba9bbbbc43f14ce41d35715cf4fea08459", "9ce1963a69beb1299800188647cd960b7afff101be19fd46226e32bb8be8ee44"),
            RunCache.KeyOf(entry));
    }

    [Fact]
    public void KeyOf_TestStageCacheWdir_MatchesDvc() =>
        Assert.Equal(("6ad5cce3347e9e96c77d4353d84e5c8cae8c9151c486c4ea3d3d79e9051800f1", "1fa3e1a9f785f8364ad185d62bd0813ce8794afcfc79410e985eac0443cc5462"),
            RunCache.KeyOf(new StageLock("python ../script.py", [File("../dep", "dep"), File("../script.py", Script)], [], [File("out", "out")])));

    [Fact]
    public void KeyOf_TestSharedStageCache_MatchesDvc() =>
        Assert.Equal(("6d4c6de74e7c0d60d2122e2063b4724a8c78a6799def6c7cf5093f45e7f2f3b7", "435e34f80692059e79ec53346cbfe29fd9ee65b62f5f06f17f5950ce5a7408ea"),
            RunCache.KeyOf(new StageLock("python copy.py foo bar", [File("copy.py", CopyScript), File("foo", "foo")], [], [File("bar", "foo")])));

    [Fact]
    public void KeyOf_SizeAndNfilesAtAnyDepth_Dropped()
    {
        // NOTE: vector generated with dvc_ref.py run_cache_key_value; params keys named size/nfiles vanish too (DVC quirk).
        var entry = new StageLock("c", [File("d", "acbd18db4cc2f85cedef654fccc4a4d8", 3)],
            [new ParamsLock("params.yaml", new OrderedMap { { "lr", 0.1 }, { "size", 5L }, { "n", new OrderedMap { { "nfiles", 1L }, { "x", 1e-05 } } } })],
            [File("o", "37b51d194a7513e45b56f6524f2d51f2", 3, 1)]);
        Assert.Equal(("2184c696830d3501272711f03afea535e93232a31669135c5873b32bb2fe5bc0", "e1deb0f2d573ccc7a10a6802ab0e364c8c1229d8de4d4d9794e2c4cfc23d0f11"),
            RunCache.KeyOf(entry));
    }

    [Fact]
    public void Save_WritesLockEntryYamlAtKeyValuePath()
    {
        using var t = new TempDir();
        var cache = new RunCache(t.Path);
        cache.Save(StageCache());
        var (key, value) = RunCache.KeyOf(StageCache());
        var path = Path.Combine(t.Path, "runs", "c7", key, value);
        Assert.Equal(DvcYaml.Emit(StageCache().ToTree()), System.IO.File.ReadAllText(path));
        Assert.StartsWith("cmd: python script.py\ndeps:\n- path: dep\n  hash: md5\n", System.IO.File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void TryFind_ProbeWithOtherOutHashes_FindsNewestEntry()
    {
        using var t = new TempDir();
        var cache = new RunCache(t.Path);
        var older = StageCache() with { Outs = [File("out", "old")] };
        cache.Save(older);
        cache.Save(StageCache());
        var dir = cache.KeyDirectory(RunCache.KeyOf(StageCache()).Key);
        System.IO.File.SetLastWriteTimeUtc(Path.Combine(dir, RunCache.KeyOf(older).Value), new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        System.IO.File.SetLastWriteTimeUtc(Path.Combine(dir, RunCache.KeyOf(StageCache()).Value), new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var probe = StageCache() with { Outs = [new LockedPath("out", null)] };
        Assert.Equal(StageCache().Outs, cache.TryFind(probe)!.Outs);
    }

    [Fact]
    public void TryFind_CorruptNewestEntry_DeletedWarnedAndOlderUsed()
    {
        using var t = new TempDir();
        var cache = new RunCache(t.Path);
        cache.Save(StageCache());
        var dir = cache.KeyDirectory(RunCache.KeyOf(StageCache()).Key);
        var good = Path.Combine(dir, RunCache.KeyOf(StageCache()).Value);
        var bad = Path.Combine(dir, new string('f', 64));
        System.IO.File.WriteAllText(bad, "cmd: [unclosed\n");
        System.IO.File.SetLastWriteTimeUtc(good, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        System.IO.File.SetLastWriteTimeUtc(bad, new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var warnings = new List<string>();
        Assert.NotNull(cache.TryFind(StageCache(), warnings.Add));
        Assert.False(System.IO.File.Exists(bad));
        Assert.Contains(bad, Assert.Single(warnings));
    }

    [Fact]
    public void TryFind_NoEntry_Null()
    {
        using var t = new TempDir();
        Assert.Null(new RunCache(t.Path).TryFind(StageCache()));
    }

    [Fact]
    public void TryFind_EntryNamingOtherOutputsThanItsKey_MissWithWarning()
    {
        using var t = new TempDir();
        var cache = new RunCache(t.Path);
        cache.Save(StageCache());
        var path = Path.Combine(cache.KeyDirectory(RunCache.KeyOf(StageCache()).Key), RunCache.KeyOf(StageCache()).Value);
        System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(path).Replace("path: out\n", "path: ../../victim\n"));
        var warnings = new List<string>();

        Assert.Null(cache.TryFind(StageCache(), warnings.Add));

        Assert.Contains("does not match", Assert.Single(warnings));
        Assert.Contains("../../victim", warnings[0]);
    }

    [Theory]
    [InlineData("runs/c7/c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838/5e2824029f8da9ef6c57131a638ceb65f27c02f16c85d71e85671c27daed0501", true)]
    [InlineData("runs/c7/../../../../etc/passwd", false)]
    [InlineData("runs/c7/c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838/../x", false)]
    [InlineData("runs/ab/c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838/5e2824029f8da9ef6c57131a638ceb65f27c02f16c85d71e85671c27daed0501", false)]
    [InlineData("runs/c7/c7a85d71de1912c43d9c5b6218c71630d6277e8fc11e4ccf5e12b3c202234838/.5e28.tmp", false)]
    [InlineData("/runs/c7/x", false)]
    public void IsEntryKey_OnlyDvcRunCacheLayout(string key, bool expected) => Assert.Equal(expected, RunCache.IsEntryKey(key));
}
