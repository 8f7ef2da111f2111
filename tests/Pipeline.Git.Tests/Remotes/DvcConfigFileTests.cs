using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

public sealed class DvcConfigFileTests
{
    [Fact]
    public void AddRemote_S3Default_WritesDvcText()
    {
        var config = new DvcConfigFile();
        config.AddRemote("storage", "s3://mybucket/dvcstore", makeDefault: true);

        Assert.Equal("[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://mybucket/dvcstore\n", config.ToText());
    }

    [Fact]
    public void AddRemote_RelativeLocalPath_StoredRelativeToDvcDir()
    {
        var config = new DvcConfigFile();
        config.AddRemote("local", "../storage", makeDefault: false);
        config.Set("remote \"local\"", "jobs", "8");

        Assert.Equal("['remote \"local\"']\n    url = ../../storage\n    jobs = 8\n", config.ToText());
    }

    [Fact]
    public void Parse_QuotedAndCommented_RoundTripsValues()
    {
        var config = DvcConfigFile.Parse("# comment\n[core]\n    Remote = storage  # default\n[ 'remote \"storage\"' ]\n    url = \"/mnt/a b\"\n    endpointurl = http://localhost:9000\n");

        Assert.Equal("storage", config.Get("core", "remote"));
        Assert.Equal("/mnt/a b", config.Get("remote \"storage\"", "url"));
        Assert.Equal("[core]\n    remote = storage\n['remote \"storage\"']\n    url = /mnt/a b\n    endpointurl = http://localhost:9000\n", config.ToText());
    }

    [Fact]
    public void Set_NamedSectionBeforePlain_PlainWrittenFirst()
    {
        var config = new DvcConfigFile();
        config.Set("remote \"r\"", "url", "s3://b/p");
        config.Set("cache", "type", "reflink,copy");
        config.Set("core", "remote", "r");

        Assert.Equal("[cache]\n    type = \"reflink,copy\"\n[core]\n    remote = r\n['remote \"r\"']\n    url = s3://b/p\n", config.ToText());
    }

    [Fact]
    public void DvcConfig_LocalOverridesRepo_MergedAndPathsResolved()
    {
        var dir = Directory.CreateTempSubdirectory("dvcconfig-");
        try
        {
            var dvcDir = Directory.CreateDirectory(Path.Combine(dir.FullName, ".dvc")).FullName;
            File.WriteAllText(Path.Combine(dvcDir, "config"), "[core]\n    remote = storage\n['remote \"storage\"']\n    url = ../../storage\n    region = eu-west-1\n");
            File.WriteAllText(Path.Combine(dvcDir, "config.local"), "['remote \"storage\"']\n    region = us-east-1\n[cache]\n    dir = ../../shared-cache\n");

            var config = DvcConfig.Load(dir.FullName);
            var remote = config.Remote(null);

            Assert.Equal("storage", remote.Name);
            Assert.Equal(Path.GetFullPath(Path.Combine(dir.FullName, "..", "storage")), remote.Url);
            Assert.Equal("us-east-1", remote.Get("region"));
            Assert.Equal(Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared-cache")), config.CacheRoot);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void DvcConfig_UnknownRemote_UsageErrorListsKnown()
    {
        var dir = Directory.CreateTempSubdirectory("dvcconfig-");
        try
        {
            var dvcDir = Directory.CreateDirectory(Path.Combine(dir.FullName, ".dvc")).FullName;
            File.WriteAllText(Path.Combine(dvcDir, "config"), "['remote \"storage\"']\n    url = /tmp/x\n");

            var e = Assert.Throws<Pipeline.Engine.Failures.UsageException>(() => DvcConfig.Load(dir.FullName).Remote("nope"));

            Assert.Contains("storage", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
