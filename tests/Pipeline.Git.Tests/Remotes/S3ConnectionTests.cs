using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>Where an S3 remote's endpoint, region and keys come from, in DVC's (botocore's) order of precedence.</summary>
public sealed class S3ConnectionTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("s3-home-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public void Resolve_KeysInConfigAndInEnvironment_ConfigWins()
    {
        var connection = S3Connection.Resolve(Settings(("access_key_id", "CFG"), ("secret_access_key", "cfg-secret")), Env(("AWS_ACCESS_KEY_ID", "ENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret")));

        Assert.Equal(("CFG", "cfg-secret"), (connection.AccessKeyId, connection.SecretAccessKey));
        Assert.Contains("access_key_id", connection.CredentialSource);
    }

    [Fact]
    public void Resolve_OnlyEnvironmentKeys_UsedWithSessionToken()
    {
        var connection = S3Connection.Resolve(Settings(), Env(("AWS_ACCESS_KEY_ID", "ENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"), ("AWS_SESSION_TOKEN", "tok")));

        Assert.Equal(("ENV", "env-secret", "tok"), (connection.AccessKeyId, connection.SecretAccessKey, connection.SessionToken));
    }

    [Fact]
    public void Resolve_ProfileInConfig_BeatsEnvironmentKeys()
    {
        WriteAws("credentials", "[ci]\naws_access_key_id = PROFILE\naws_secret_access_key = profile-secret\n");

        var connection = S3Connection.Resolve(Settings(("profile", "ci")), Env(("AWS_ACCESS_KEY_ID", "ENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret")));

        Assert.Equal("PROFILE", connection.AccessKeyId);
    }

    [Fact]
    public void Resolve_AwsProfileVariable_LosesToEnvironmentKeysButBeatsDefault()
    {
        WriteAws("credentials", "[default]\naws_access_key_id = DEFAULT\naws_secret_access_key = d\n[other]\naws_access_key_id = OTHER\naws_secret_access_key = o\n");

        var withKeys = S3Connection.Resolve(Settings(), Env(("AWS_PROFILE", "other"), ("AWS_ACCESS_KEY_ID", "ENV"), ("AWS_SECRET_ACCESS_KEY", "e")));
        var withoutKeys = S3Connection.Resolve(Settings(), Env(("AWS_PROFILE", "other")));
        var neither = S3Connection.Resolve(Settings(), Env());

        Assert.Equal("ENV", withKeys.AccessKeyId);
        Assert.Equal("OTHER", withoutKeys.AccessKeyId);
        Assert.Equal("DEFAULT", neither.AccessKeyId);
    }

    [Fact]
    public void Resolve_EndpointAndRegion_ConfigThenVariablesThenProfile()
    {
        WriteAws("config", "[profile ci]\nregion = eu-central-1\nendpoint_url = http://profile:1\ns3 =\n    multipart_threshold = 64MB\n");
        WriteAws("credentials", "[ci]\naws_access_key_id = P\naws_secret_access_key = p\n");

        var fromConfig = S3Connection.Resolve(Settings(("profile", "ci"), ("endpointurl", "http://config:1"), ("region", "ap-south-1")), Env(("AWS_ENDPOINT_URL", "http://env:1")));
        var fromS3Variable = S3Connection.Resolve(Settings(("profile", "ci")), Env(("AWS_ENDPOINT_URL_S3", "http://env-s3:1"), ("AWS_ENDPOINT_URL", "http://env:1"), ("AWS_DEFAULT_REGION", "us-west-2")));
        var fromProfile = S3Connection.Resolve(Settings(("profile", "ci")), Env());

        Assert.Equal(("http://config:1", "ap-south-1"), (fromConfig.Endpoint, fromConfig.Region));
        Assert.Equal(("http://env-s3:1", "us-west-2"), (fromS3Variable.Endpoint, fromS3Variable.Region));
        Assert.Equal(("http://profile:1", "eu-central-1"), (fromProfile.Endpoint, fromProfile.Region));
    }

    [Fact]
    public void Resolve_NoCredentialsAnywhere_OneLineWithEveryWayToSetThem()
    {
        var e = Assert.Throws<RemoteException>(() => S3Connection.Resolve(Settings(), Env()));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("S3 remote 'storage' has no credentials", e.Message);
        Assert.Contains("dvc remote modify --local storage access_key_id", e.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", e.Message);
    }

    [Fact]
    public void Resolve_UnknownProfile_NamesIt()
    {
        var e = Assert.Throws<RemoteException>(() => S3Connection.Resolve(Settings(("profile", "nope")), Env(("AWS_ACCESS_KEY_ID", "E"), ("AWS_SECRET_ACCESS_KEY", "e"))));

        Assert.Contains("profile 'nope'", e.Message);
    }

    [Fact]
    public void DvcConfig_KeysInConfigLocal_MergedOverConfig()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_home.FullName, "repo", ".dvc")).Parent!.FullName;
        File.WriteAllText(Path.Combine(repo, ".dvc", "config"), "[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://bucket/prefix\n    endpointurl = http://127.0.0.1:1\n    access_key_id = COMMITTED\n");
        File.WriteAllText(Path.Combine(repo, ".dvc", "config.local"), "['remote \"storage\"']\n    access_key_id = LOCAL\n    secret_access_key = local-secret\n");

        var connection = S3Connection.Resolve(DvcConfig.Load(repo).Remote(null), Env());

        Assert.Equal(("LOCAL", "local-secret", "http://127.0.0.1:1"), (connection.AccessKeyId, connection.SecretAccessKey, connection.Endpoint));
    }

    private static RemoteSettings Settings(params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["url"] = "s3://bucket/prefix" };
        foreach (var (k, v) in values) all[k] = v;
        return new RemoteSettings("storage", "s3://bucket/prefix", all);
    }

    private RemoteEnvironment Env(params (string Key, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Key, v => v.Value), _home.FullName);

    private void WriteAws(string file, string text)
    {
        Directory.CreateDirectory(Path.Combine(_home.FullName, ".aws"));
        File.WriteAllText(Path.Combine(_home.FullName, ".aws", file), text);
    }
}
