using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace Pipeline.Git.Remotes;

/// <summary>
/// An S3-compatible remote (<c>url = s3://bucket/prefix</c>; settings in <see cref="S3Connection.Resolve"/>). Objects at
/// or above <see cref="MultipartThreshold"/> go up in parts of <see cref="PartSize"/>; checksums are sent only when an
/// operation requires them; 5xx answers, throttling and timeouts are retried with exponential backoff, a bounded number of times.
/// </summary>
internal sealed partial class S3Remote : RemoteStore
{
    /// <summary>boto3's default multipart threshold, which DVC uses: 8 MiB.</summary>
    public const long MultipartThreshold = 8L << 20;

    /// <summary>boto3's default part size: 8 MiB.</summary>
    public const long PartSize = 8L << 20;

    private readonly string _name;
    private readonly S3Location _location;
    private readonly S3Connection _connection;
    private readonly IAmazonS3 _client;
    private readonly TransferUtility _transfer;

    private S3Remote(string name, S3Location location, S3Connection connection, IAmazonS3 client)
    {
        _name = name;
        _location = location;
        _connection = connection;
        _client = client;
        _transfer = new TransferUtility(client, new TransferUtilityConfig { MinSizeBeforePartUpload = MultipartThreshold, ConcurrentServiceRequests = 4 });
    }

    /// <summary>Where objects go.</summary>
    public S3Location Location => _location;

    /// <inheritdoc />
    public override string Name => _name;

    /// <summary>Builds the client from a remote's settings and the environment.</summary>
    public static S3Remote Open(RemoteSettings settings, RemoteEnvironment environment)
    {
        var location = S3Location.Parse(settings.Url);
        var connection = S3Connection.Resolve(settings, environment);
        var config = ClientConfig(settings, connection, environment);
        var credentials = connection.SessionToken is { } token
            ? (Amazon.Runtime.AWSCredentials)new Amazon.Runtime.SessionAWSCredentials(connection.AccessKeyId, connection.SecretAccessKey, token)
            : new Amazon.Runtime.BasicAWSCredentials(connection.AccessKeyId, connection.SecretAccessKey);
        return new S3Remote(settings.Name, location, connection, new AmazonS3Client(credentials, config));
    }

    /// <inheritdoc />
    public override string Describe(string key) => _location.UrlOf(key);

    /// <inheritdoc />
    public override async Task CheckAsync(bool write, CancellationToken cancellation)
    {
        // NOTE: one listing call proves the endpoint answers, the keys are accepted and the bucket exists, so a bad
        // setting is reported once instead of once per object.
        await Call("", () => _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = _location.KeyOf(""), MaxKeys = 1 }, cancellation));
    }

    /// <inheritdoc />
    public override async Task<bool> ExistsAsync(string key, CancellationToken cancellation)
    {
        try
        {
            await Call(key, () => _client.GetObjectMetadataAsync(_location.Bucket, _location.KeyOf(key), cancellation));
            return true;
        }
        catch (NotOnRemoteException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override Task UploadAsync(string localFile, string key, CancellationToken cancellation) =>
        Call(key, async () =>
        {
            var request = new TransferUtilityUploadRequest { BucketName = _location.Bucket, Key = _location.KeyOf(key), FilePath = localFile, PartSize = PartSize };
            // NOTE: as botocore does, the body is not hashed into the signature over HTTPS (TLS protects it); over
            // plain HTTP the SDK must sign it (SHA-256 of every byte, checked again by the server).
            if (IsHttps) request.DisablePayloadSigning = true;
            await _transfer.UploadAsync(request, cancellation);
            return true;
        });

    /// <inheritdoc />
    public override async Task<bool> DownloadAsync(string key, string localFile, CancellationToken cancellation)
    {
        try
        {
            return await Call(key, async () =>
            {
                using var response = await _client.GetObjectAsync(_location.Bucket, _location.KeyOf(key), cancellation);
                await using var output = new FileStream(localFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await response.ResponseStream.CopyToAsync(output, 1 << 20, cancellation);
                return true;
            });
        }
        catch (NotOnRemoteException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellation)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = _location.KeyOf(prefix) };
        while (true)
        {
            var response = await Call(prefix, () => _client.ListObjectsV2Async(request, cancellation));
            keys.AddRange((response.S3Objects ?? []).Select(o => _location.RelativeKey(o.Key)));
            if (response.IsTruncated != true) break;
            request.ContinuationToken = response.NextContinuationToken;
        }
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _transfer.Dispose();
        _client.Dispose();
        base.Dispose();
    }

    private bool IsHttps => _connection.Endpoint is not { } endpoint || endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private sealed class NotOnRemoteException() : Exception("not on the remote");

    private static bool IsNotFound(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is not "NoSuchBucket";
}
