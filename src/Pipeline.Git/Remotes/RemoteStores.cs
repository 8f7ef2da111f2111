using Pipeline.Engine.Failures;

namespace Pipeline.Git.Remotes;

/// <summary>Opens the store for a configured remote by its URL scheme.</summary>
internal static class RemoteStores
{
    /// <summary>A directory for a path, S3 for <c>s3://</c>; other schemes are a usage error naming the supported ones.</summary>
    public static RemoteStore Open(RemoteSettings settings, RemoteEnvironment environment)
    {
        if (settings.Url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return S3Remote.Open(settings, environment);
        if (DvcConfigFile.HasScheme(settings.Url))
            throw new UsageException($"Remote '{settings.Name}' has URL '{settings.Url}'; supported remotes are a local directory and s3://bucket/prefix.");
        return new LocalRemote(settings.Name, settings.Url);
    }
}
