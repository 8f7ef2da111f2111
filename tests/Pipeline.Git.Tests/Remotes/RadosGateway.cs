using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>The S3 server of the tests (endpoint and keys from PIPELINE_TEST_S3_*), and a bucket of its own per test, deleted on dispose.</summary>
internal sealed class RadosGateway : IDisposable
{
    private RadosGateway(string endpoint, string accessKey, string secretKey)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
        SecretKey = secretKey;
        Bucket = $"pipeline-test-{Guid.NewGuid():N}"[..40];
        Client = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        Client.PutBucketAsync(Bucket).GetAwaiter().GetResult();
    }

    /// <summary>(endpoint, access key, secret key) from the environment, or null.</summary>
    public static (string Endpoint, string AccessKey, string SecretKey)? Configured =>
        Environment.GetEnvironmentVariable(S3FactAttribute.EndpointVariable) is { Length: > 0 } endpoint
        && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_ACCESS_KEY") is { Length: > 0 } key
        && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_SECRET_KEY") is { Length: > 0 } secret
            ? (endpoint, key, secret)
            : null;

    public string Endpoint { get; }

    public string AccessKey { get; }

    public string SecretKey { get; }

    /// <summary>A fresh bucket for this test.</summary>
    public string Bucket { get; }

    /// <summary>A client for checking what the remote holds.</summary>
    public IAmazonS3 Client { get; }

    /// <summary>A new bucket on the configured server.</summary>
    public static RadosGateway Open()
    {
        var (endpoint, key, secret) = Configured ?? throw new InvalidOperationException("PIPELINE_TEST_S3_* are not set.");
        return new RadosGateway(endpoint, key, secret);
    }

    /// <summary>An environment with no AWS variables and a home folder without ~/.aws, so only what a test sets counts.</summary>
    public static RemoteEnvironment CleanEnvironment(IReadOnlyDictionary<string, string>? variables = null, string? home = null) =>
        new(variables ?? new Dictionary<string, string>(), home ?? Path.Combine(Path.GetTempPath(), "pipeline-no-home"));

    /// <summary>Remote settings for this bucket with the keys in the config (as config.local would hold them).</summary>
    public RemoteSettings Settings(string prefix = "dvcstore", string? accessKey = null, string? secretKey = null, string? endpoint = null)
    {
        var url = $"s3://{Bucket}/{prefix}";
        return new RemoteSettings("storage", url, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = url, ["endpointurl"] = endpoint ?? Endpoint,
            ["access_key_id"] = accessKey ?? AccessKey, ["secret_access_key"] = secretKey ?? SecretKey,
        });
    }

    /// <summary>Writes the DVC config of <paramref name="repoRoot"/>: url and endpoint in .dvc/config, keys in .dvc/config.local.</summary>
    public void Configure(string repoRoot, string prefix = "dvcstore")
    {
        var dvc = Path.Combine(repoRoot, ".dvc");
        var config = DvcConfigFile.Load(Path.Combine(dvc, "config"));
        config.AddRemote("storage", $"s3://{Bucket}/{prefix}", makeDefault: true);
        config.Set(DvcConfigFile.RemoteSection("storage"), "endpointurl", Endpoint);
        config.Save(Path.Combine(dvc, "config"));
        var local = DvcConfigFile.Load(Path.Combine(dvc, "config.local"));
        local.Set(DvcConfigFile.RemoteSection("storage"), "access_key_id", AccessKey);
        local.Set(DvcConfigFile.RemoteSection("storage"), "secret_access_key", SecretKey);
        local.Save(Path.Combine(dvc, "config.local"));
    }

    /// <summary>Every key in the bucket.</summary>
    public IReadOnlyList<string> Keys()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket };
        while (true)
        {
            var response = Client.ListObjectsV2Async(request).GetAwaiter().GetResult();
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            if (response.IsTruncated != true) return keys;
            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    public void Dispose()
    {
        try
        {
            foreach (var chunk in Keys().Chunk(1000))
                Client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = Bucket, Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList() }).GetAwaiter().GetResult();
            Client.DeleteBucketAsync(Bucket).GetAwaiter().GetResult();
        }
        finally
        {
            Client.Dispose();
        }
    }
}
