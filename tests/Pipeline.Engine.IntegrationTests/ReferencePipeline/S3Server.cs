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
        var bucket = $"pipeline-e2e-{Guid.NewGuid():N}"[..36];
        var status = Signed("PUT", bucket);
        Assert.True(status == "200", $"creating bucket {bucket} at {Configured!.Value.Endpoint} answered HTTP {status}");
        return bucket;
    }

    /// <summary>Removes one object (<c>bucket/key</c>), as a fault between a job's push and the driver's fetch.</summary>
    public static void DeleteObject(string bucket, string key)
    {
        var status = Signed("DELETE", $"{bucket}/{key}");
        Assert.True(status == "204", $"deleting {bucket}/{key} answered HTTP {status}");
    }

    /// <summary>One signed request without a body; returns the HTTP status.</summary>
    private static string Signed(string method, string path)
    {
        var (endpoint, key, secret) = Configured ?? throw new InvalidOperationException("PIPELINE_TEST_S3_* are not set.");
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", method, "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", $"{key}:{secret}",
                     "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD", $"{endpoint}/{path}" })
            start.ArgumentList.Add(arg);
        using var curl = Process.Start(start)!;
        var status = curl.StandardOutput.ReadToEnd();
        curl.WaitForExit();
        return status;
    }
}
