using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;

namespace Pipeline.Git.Remotes;

/// <summary>The SDK client settings of an S3 remote.</summary>
internal sealed partial class S3Remote
{
    /// <summary>Attempts per request (first try plus retries) unless AWS_MAX_ATTEMPTS says otherwise; botocore's standard mode uses 3.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>The SDK configuration for a resolved connection; custom endpoints use path-style addressing.</summary>
    internal static AmazonS3Config ClientConfig(RemoteSettings settings, S3Connection connection, RemoteEnvironment environment)
    {
        var config = new AmazonS3Config
        {
            // NOTE: AWSSDK.S3 4.x sends a flexible (CRC) checksum with every upload by default, as aws-chunked
            // streaming; Ceph radosgw and most S3 look-alikes answer HTTP 400. Objects are verified by md5 on download instead.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = MaxAttempts(environment) - 1,
            Timeout = Seconds(settings, "read_timeout", 120),
            ConnectTimeout = Seconds(settings, "connect_timeout", 20),
            IgnoreConfiguredEndpointUrls = true,
        };
        if (connection.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            // NOTE: Ceph, MinIO and most S3 look-alikes serve only path-style URLs (http://host/bucket/key).
            config.ForcePathStyle = true;
            config.AuthenticationRegion = connection.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(connection.Region);
        }
        return config;
    }

    private static int MaxAttempts(RemoteEnvironment environment) =>
        int.TryParse(environment.Get("AWS_MAX_ATTEMPTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultMaxAttempts;

    private static TimeSpan Seconds(RemoteSettings settings, string key, int fallback)
    {
        if (settings.Get(key) is not { } text) return TimeSpan.FromSeconds(fallback);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : throw new RemoteException($"Remote '{settings.Name}': {key} = '{text}' is not a number of seconds. Fix it with `dvc remote modify {settings.Name} {key} 60`.");
    }
}
