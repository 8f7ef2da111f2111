namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>A fact that runs only against a real S3 server (Ceph radosgw from .ci/ceph.sh), named by PIPELINE_TEST_S3_*.</summary>
internal sealed class S3FactAttribute : FactAttribute
{
    /// <summary>Skips with the reason when the server is not configured.</summary>
    public S3FactAttribute()
    {
        if (S3Server.Configured is null)
            Skip = "PIPELINE_TEST_S3_ENDPOINT, PIPELINE_TEST_S3_ACCESS_KEY and PIPELINE_TEST_S3_SECRET_KEY are not set: `bash .ci/ceph.sh` starts a throw-away Ceph radosgw on 127.0.0.1 and prints them (.ci/run exports them) to run the S3 remote tests.";
    }
}
