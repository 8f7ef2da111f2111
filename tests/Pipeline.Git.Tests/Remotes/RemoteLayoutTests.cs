using Pipeline.Engine.Primitives;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

public sealed class RemoteLayoutTests
{
    // NOTE: expected keys from docs/tools/dvc_ref.py cache_path(oid, cache_dir=<remote url>).
    [Fact]
    public void ObjectKey_File_FilesMd5Layout()
    {
        var hash = ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8");

        Assert.Equal("files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", RemoteLayout.ObjectKey(hash));
        Assert.Equal("ac/bd18db4cc2f85cedef654fccc4a4d8", RemoteLayout.LegacyObjectKey(hash));
    }

    [Fact]
    public void ObjectKey_Directory_KeepsDirSuffix()
    {
        Assert.Equal("files/md5/5e/a40360f5b4ec688df672a4db9c17d1.dir", RemoteLayout.ObjectKey(ContentHash.Parse("5ea40360f5b4ec688df672a4db9c17d1.dir")));
    }

    [Fact]
    public void S3Location_BucketAndPrefix_FullKeyAndUrl()
    {
        var location = S3Location.Parse("s3://bucket/prefix/");
        var key = RemoteLayout.ObjectKey(ContentHash.Parse("acbd18db4cc2f85cedef654fccc4a4d8"));

        Assert.Equal(("bucket", "prefix"), (location.Bucket, location.Prefix));
        Assert.Equal("prefix/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", location.KeyOf(key));
        Assert.Equal("s3://bucket/prefix/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", location.UrlOf(key));
        Assert.Equal(key, location.RelativeKey(location.KeyOf(key)));
    }

    [Fact]
    public void S3Location_BucketOnly_KeysAtRoot()
    {
        var location = S3Location.Parse("s3://bucket");

        Assert.Equal("runs/ab/x", location.KeyOf("runs/ab/x"));
    }

    [Fact]
    public void S3Location_NotS3_UsageError()
    {
        Assert.Throws<Pipeline.Engine.Failures.UsageException>(() => S3Location.Parse("gs://bucket/x"));
    }

    [Fact]
    public void S3Remote_CustomEndpoint_PathStyleChecksumsOnlyWhenRequired()
    {
        var settings = new RemoteSettings("minio", "s3://bucket/p", new Dictionary<string, string>
        {
            ["url"] = "s3://bucket/p", ["endpointurl"] = "http://localhost:9000", ["region"] = "us-east-1",
        });

        var environment = new RemoteEnvironment(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "k", ["AWS_SECRET_ACCESS_KEY"] = "s" }, "/nonexistent");

        var config = S3Remote.ClientConfig(settings, S3Connection.Resolve(settings, environment), environment);

        Assert.True(config.ForcePathStyle);
        Assert.StartsWith("http://localhost:9000", config.ServiceURL);
        Assert.Equal(Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
        Assert.Equal(S3Remote.DefaultMaxAttempts - 1, config.MaxErrorRetry);
    }
}
