using Pipeline.Git.Remotes;

namespace Pipeline.Git.Tests.Remotes;

/// <summary>5xx answers are retried with backoff, a bounded number of times (AWS_MAX_ATTEMPTS, default 5 attempts).</summary>
public sealed class S3RetryTests
{
    [Fact]
    public async Task Exists_TwoServiceUnavailableAnswers_RetriedUntilTheServerAnswers()
    {
        using var endpoint = new FlakyEndpoint(failures: 2);
        using var remote = S3Remote.Open(Settings(endpoint), RadosGateway.CleanEnvironment());

        var exists = await remote.ExistsAsync("files/md5/ab/cdef", CancellationToken.None);

        Assert.True(exists);
        Assert.Equal(3, endpoint.Requests);
    }

    [Fact]
    public async Task Exists_ServerKeepsFailing_GivesUpAfterTheConfiguredAttemptsNamingTheObject()
    {
        using var endpoint = new FlakyEndpoint(failures: int.MaxValue);
        var environment = RadosGateway.CleanEnvironment(new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "3" });
        using var remote = S3Remote.Open(Settings(endpoint), environment);

        var e = await Assert.ThrowsAsync<IOException>(() => remote.ExistsAsync("files/md5/ab/cdef", CancellationToken.None));

        Assert.Equal(3, endpoint.Requests);
        Assert.StartsWith("s3://bucket/p/files/md5/ab/cdef: HTTP 503", e.Message);
        Assert.EndsWith("(after up to 3 attempts)", e.Message);
    }

    private static RemoteSettings Settings(FlakyEndpoint endpoint) => new("storage", "s3://bucket/p", new Dictionary<string, string>
    {
        ["url"] = "s3://bucket/p", ["endpointurl"] = endpoint.Url, ["access_key_id"] = "k", ["secret_access_key"] = "s",
    });
}
