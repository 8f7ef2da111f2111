using System.Diagnostics;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The tests' S3 server (from PIPELINE_TEST_S3_*); buckets are made with one signed curl PUT, as a user without the AWS CLI would.</summary>
internal static class S3Server
{
    public static (string Endpoint, string AccessKey, string SecretKey)? Configured =>
        Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_ENDPOINT") is { Length: > 0 } endpoint
        && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_ACCESS_KEY") is { Length: > 0 } key
        && Environment.GetEnvironmentVariable("PIPELINE_TEST_S3_SECRET_KEY") is { Length: > 0 } secret
            ? (endpoint, key, secret)
            : null;

    /// <summary>Creates a bucket with a fresh name and returns it.</summary>
    public static string CreateBucket()
    {
        var (endpoint, key, secret) = Configured ?? throw new InvalidOperationException("PIPELINE_TEST_S3_* are not set.");
        var bucket = $"pipeline-e2e-{Guid.NewGuid():N}"[..36];
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "PUT", "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", $"{key}:{secret}",
                     "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", $"{endpoint}/{bucket}" })
            start.ArgumentList.Add(arg);
        using var curl = Process.Start(start)!;
        var status = curl.StandardOutput.ReadToEnd();
        curl.WaitForExit();
        Assert.True(status == "200", $"creating bucket {bucket} at {endpoint} answered HTTP {status}");
        return bucket;
    }
}
