using Pipeline.Ml.Ingest.Streaming.Logs;
using Pipeline.Ml.Ingest.Streaming.Redis;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>Picks the stream connector for <see cref="IngestOptions.Kind"/> and checks its required keys.</summary>
internal static class StreamSources
{
    /// <summary>The connector; relative log paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static IStreamSource Create(IngestOptions options, string baseDirectory) => options.Kind switch
    {
        IngestKind.RedisStream => new RedisStreamSource(
            Required(options.Url, "url", "redis-stream"), Required(options.Stream, "stream", "redis-stream"),
            options.PageSize, options.TimeoutSeconds, options.AllowGap),
        IngestKind.Logs => new LogFilesSource(Required(options.Path, "path", "logs"), baseDirectory, options.Delimiter),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Not a stream source; see IngestOptions.IsStream."),
    };

    private static string Required(string? value, string key, string kind) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new IngestException($"{kind} source", $"ingest.{key} is required for ingest.kind {kind}; set it in params.yaml or with --set ingest.{key}=...")
            : value;
}
