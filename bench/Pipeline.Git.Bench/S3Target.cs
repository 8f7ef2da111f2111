using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Pipeline.Git.Bench;

/// <summary>The S3 server of the bench (PIPELINE_TEST_S3_ENDPOINT/_ACCESS_KEY/_SECRET_KEY), with bucket set-up and emptying.</summary>
internal sealed class S3Target(string endpoint, string accessKey, string secretKey)
{
    public string Endpoint => endpoint;

    public string AccessKey => accessKey;

    public string SecretKey => secretKey;

    public static S3Target? FromEnvironment() =>
        Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_ENDPOINT") is { Length: > 0 } e
        && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_ACCESS_KEY") is { Length: > 0 } k
        && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_SECRET_KEY") is { Length: > 0 } s
            ? new S3Target(e, k, s)
            : null;

    public async Task CreateBucketAsync(string bucket)
    {
        using var client = Client();
        await client.PutBucketAsync(bucket);
    }

    /// <summary>Deletes every object of the bucket (the server keeps them in memory).</summary>
    public async Task EmptyAsync(string bucket)
    {
        using var client = Client();
        var request = new ListObjectsV2Request { BucketName = bucket };
        while (true)
        {
            var page = await client.ListObjectsV2Async(request);
            var keys = (page.S3Objects ?? []).Select(o => new KeyVersion { Key = o.Key }).ToList();
            if (keys.Count > 0) await client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = keys });
            if (page.IsTruncated != true) return;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    private AmazonS3Client Client() => new(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
    {
        ServiceURL = endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });
}
