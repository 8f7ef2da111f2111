using Pipeline.Engine.Primitives;
using Pipeline.Ml.Gate;

namespace Pipeline.Ml.Tests.Gate;

public sealed class RegistryFolderTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("mlreg-");

    public void Dispose() => root.Delete(recursive: true);

    private string Registry => Path.Combine(root.FullName, "registry");

    private static readonly Lineage Lineage = new("0123abcd", new Dictionary<string, string> { ["data/raw/tx.csv"] = "md5b", ["data/features/train.csv"] = "md5a" });

    private RegistryFiles Files(string model = "zip")
    {
        string Write(string name, string text)
        {
            var path = Path.Combine(root.FullName, name);
            File.WriteAllText(path, text);
            return path;
        }

        return new RegistryFiles(Write("model.zip", model)) { Metrics = Write("metrics.json", "{}"), Schema = Write("schema.yaml", "columns: []\n") };
    }

    [Fact]
    public void Register_Repeatedly_BumpsPatchThenMinorWhenAsked()
    {
        var clock = new FixedClock();
        var first = RegistryFolder.Register(Registry, "fraud", Files("zip 1"), Lineage, clock);
        var second = RegistryFolder.Register(Registry, "fraud", Files("zip 2"), Lineage, clock);
        var third = RegistryFolder.Register(Registry, "fraud", Files("zip 3"), Lineage, clock, VersionBump.Minor);

        Assert.Equal(["v0.0.1", "v0.0.2", "v0.1.0"], new[] { first, second, third }.Select(v => v.ToString()));
        Assert.Equal(["lineage.json", "metrics.json", "model.zip", "schema.yaml"], Directory.GetFiles(Path.Combine(Registry, "fraud", "v0.1.0")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Register_SameFilesAndInputsAgain_ReusesTheLatestVersionAndWritesNothing()
    {
        // NOTE: what a Deploy killed after registering leaves behind; the re-run has another commit and clock time.
        var first = RegistryFolder.Register(Registry, "fraud", Files(), Lineage, new FixedClock());
        var lineageBytes = File.ReadAllBytes(Path.Combine(Registry, "fraud", "v0.0.1", RegistryFolder.LineageFile));

        var again = RegistryFolder.Register(Registry, "fraud", Files(), Lineage with { GitCommit = "4567cdef" }, TimeProvider.System, VersionBump.Minor);

        Assert.Equal(first, again);
        Assert.Equal([first], RegistryFolder.Versions(Registry, "fraud"));
        Assert.Equal(lineageBytes, File.ReadAllBytes(Path.Combine(Registry, "fraud", "v0.0.1", RegistryFolder.LineageFile)));
        Assert.Single(Directory.GetFileSystemEntries(Path.Combine(Registry, "fraud")));
    }

    [Fact]
    public void Register_SameModelOtherInputsOrOtherBytes_RegistersANewVersion()
    {
        RegistryFolder.Register(Registry, "fraud", Files(), Lineage, new FixedClock());
        var otherInputs = new Lineage("0123abcd", new Dictionary<string, string> { ["data/raw/tx.csv"] = "md5c", ["data/features/train.csv"] = "md5a" });

        var second = RegistryFolder.Register(Registry, "fraud", Files(), otherInputs, new FixedClock());
        var third = RegistryFolder.Register(Registry, "fraud", Files("zap"), otherInputs, new FixedClock());
        var fourth = RegistryFolder.Register(Registry, "fraud", Files("zap"), otherInputs, new FixedClock());
        var fewerFiles = RegistryFolder.Register(Registry, "fraud", new RegistryFiles(Path.Combine(root.FullName, "model.zip")), otherInputs, new FixedClock());

        Assert.Equal(["v0.0.2", "v0.0.3", "v0.0.3", "v0.0.4"], new[] { second, third, fourth, fewerFiles }.Select(v => v.ToString()));
    }

    [Fact]
    public void Register_Lineage_CommitSortedInputsAndClockTime()
    {
        RegistryFolder.Register(Registry, "fraud", Files(), Lineage, new FixedClock());

        Assert.Equal("""
            {
              "model": "fraud",
              "version": "v0.0.1",
              "git_commit": "0123abcd",
              "inputs": {
                "data/features/train.csv": "md5a",
                "data/raw/tx.csv": "md5b"
              },
              "files": [
                "model.zip",
                "schema.yaml",
                "metrics.json"
              ],
              "registered_at": "2026-03-04T05:06:07Z"
            }

            """, File.ReadAllText(Path.Combine(Registry, "fraud", "v0.0.1", "lineage.json")));
    }

    [Fact]
    public void Register_MissingFile_LeavesNoVersionFolder()
    {
        var files = Files() with { Profile = Path.Combine(root.FullName, "absent.json") };

        var error = Assert.Throws<FileNotFoundException>(() => RegistryFolder.Register(Registry, "fraud", files, Lineage, new FixedClock()));

        Assert.Contains("absent.json", error.Message, StringComparison.Ordinal);
        Assert.Empty(RegistryFolder.Versions(Registry, "fraud"));
        Assert.False(Directory.Exists(Path.Combine(Registry, "fraud")) && Directory.EnumerateFileSystemEntries(Path.Combine(Registry, "fraud")).Any());
    }

    [Fact]
    public void Production_AfterPromote_ReturnsVersionFolder()
    {
        Assert.Null(RegistryFolder.Production(Registry, "fraud"));
        var version = RegistryFolder.Register(Registry, "fraud", Files(), Lineage, new FixedClock());

        RegistryFolder.Promote(Registry, "fraud", version);

        Assert.Equal(Path.Combine(Registry, "fraud", "v0.0.1"), RegistryFolder.Production(Registry, "fraud"));
        Assert.Throws<DirectoryNotFoundException>(() => RegistryFolder.Promote(Registry, "fraud", new ModelVersion(9, 9, 9)));
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    }
}
