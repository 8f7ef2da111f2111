namespace Pipeline.Git.Tests.Remotes;

/// <summary>A fact that runs only against a real S3 server (Ceph radosgw from .ci/ceph.sh), named by PIPELINE_TEST_S3_*.</summary>
internal sealed class S3FactAttribute : FactAttribute
{
    /// <summary>The environment variable holding the endpoint URL.</summary>
    public const string EndpointVariable = "PIPELINE_TEST_S3_ENDPOINT";

    /// <summary>Skips with the reason when the server is not configured.</summary>
    public S3FactAttribute()
    {
        if (RadosGateway.Configured is null)
            Skip = $"{EndpointVariable}, PIPELINE_TEST_S3_ACCESS_KEY and PIPELINE_TEST_S3_SECRET_KEY are not set: `bash .ci/ceph.sh` starts a throw-away Ceph radosgw on 127.0.0.1 and prints them (.ci/run exports them) to run the S3 remote tests.";
    }
}
