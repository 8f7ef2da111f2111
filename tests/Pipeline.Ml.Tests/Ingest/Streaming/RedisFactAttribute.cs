namespace Pipeline.Ml.Tests.Ingest.Streaming;

/// <summary>A fact that runs against a real Redis server (see <see cref="TestRedis"/>), skipped with the reason otherwise.</summary>
internal sealed class RedisFactAttribute : FactAttribute
{
    /// <summary>Skips with the reason when no server is available.</summary>
    public RedisFactAttribute()
    {
        if (TestRedis.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A fact that starts a redis-server of its own (needs the binary), skipped with the reason otherwise.</summary>
internal sealed class PrivateRedisFactAttribute : FactAttribute
{
    /// <summary>Skips with the reason when redis-server is not installed.</summary>
    public PrivateRedisFactAttribute()
    {
        if (TestRedis.Binary is null) Skip = "redis-server is not installed (apt-get install redis-server); this test starts a server of its own.";
    }
}
