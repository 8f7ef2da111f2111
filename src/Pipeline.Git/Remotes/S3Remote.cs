using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Git.Remotes;

/// <summary>
/// An S3-compatible remote (<c>url = s3://bucket/prefix</c>, optional <c>endpointurl</c>, <c>region</c>,
/// <c>access_key_id</c>/<c>secret_access_key</c>, else the SDK's environment/profile credentials).
/// </summary>
internal sealed class S3Remote(S3Location location, IAmazonS3 client) : RemoteStore
{
    /// <summary>Where objects go.</summary>
    public S3Location Location => location;

    /// <summary>Builds the client from a remote's config keys; custom endpoints use path-style addressing.</summary>
    public static S3Remote Open(RemoteSettings settings)
    {
        var config = ClientConfig(settings);
        var client = Credentials(settings) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
        return new S3Remote(S3Location.Parse(settings.Url), client);
    }

    /// <summary>The SDK client configuration for a remote's keys.</summary>
    internal static AmazonS3Config ClientConfig(RemoteSettings settings)
    {
        var config = new AmazonS3Config();
        if (settings.Get("region") is { } region) config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        if (settings.Get("endpointurl") is { } endpoint)
        {
            config.ServiceURL = endpoint;
            // NOTE: MinIO, Ceph and most S3 look-alikes only serve path-style URLs (http://host/bucket/key).
            config.ForcePathStyle = true;
            if (settings.Get("region") is { } r) config.AuthenticationRegion = r;
        }
        return config;
    }

    /// <inheritdoc />
    public override string Describe(string key) => location.UrlOf(key);

    /// <inheritdoc />
    public override bool Exists(string key)
    {
        try
        {
            client.GetObjectMetadataAsync(location.Bucket, location.KeyOf(key)).GetAwaiter().GetResult();
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override void Upload(string localFile, string key) =>
        client.PutObjectAsync(new PutObjectRequest { BucketName = location.Bucket, Key = location.KeyOf(key), FilePath = localFile })
            .GetAwaiter().GetResult();

    /// <inheritdoc />
    public override void Download(string key, string localFile)
    {
        try
        {
            using var response = client.GetObjectAsync(location.Bucket, location.KeyOf(key)).GetAwaiter().GetResult();
            using var output = new FileStream(localFile, FileMode.CreateNew, FileAccess.Write);
            response.ResponseStream.CopyTo(output);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"{location.UrlOf(key)} does not exist.", e);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> List(string prefix)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.KeyOf(prefix) };
        while (true)
        {
            var response = client.ListObjectsV2Async(request).GetAwaiter().GetResult();
            keys.AddRange((response.S3Objects ?? []).Select(o => location.RelativeKey(o.Key)));
            if (response.IsTruncated != true) return keys;
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    private static AWSCredentials? Credentials(RemoteSettings settings) =>
        settings.Get("access_key_id") is { } id && settings.Get("secret_access_key") is { } secret
            ? new BasicAWSCredentials(id, secret)
            : null;
}
