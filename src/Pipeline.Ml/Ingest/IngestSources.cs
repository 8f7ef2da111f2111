namespace Pipeline.Ml.Ingest;

/// <summary>Picks the connector for <see cref="IngestOptions.Kind"/> and checks its required keys.</summary>
internal static class IngestSources
{
    /// <summary>The connector; relative file paths are resolved against <paramref name="baseDirectory"/>.</summary>
    public static IIngestSource Create(IngestOptions options, string baseDirectory) => options.Kind switch
    {
        IngestKind.Csv or IngestKind.Tsv => Delimited(options, baseDirectory),
        IngestKind.Jsonl => new JsonLinesSource(FilePath(options, baseDirectory)),
        IngestKind.Parquet => new ParquetSource(FilePath(options, baseDirectory)),
        IngestKind.Sqlite => new SqliteSource(FilePath(options, baseDirectory), options.Query, options.Table),
        IngestKind.Postgres => new PostgresSource(Required(options.Connection, "connection", options.Kind), options.Query, options.Table),
        IngestKind.Http => new HttpJsonSource(options, Required(options.Url, "url", options.Kind)),
        IngestKind.RedisStream or IngestKind.Logs => throw new ArgumentException($"ingest.kind {options.Kind} is a stream source, read by position with Streaming.StreamIngestor, not by Ingestor.", nameof(options)),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown ingest.kind."),
    };

    private static DelimitedFileSource Delimited(IngestOptions options, string baseDirectory)
    {
        var path = FilePath(options, baseDirectory);
        return new DelimitedFileSource(path, DelimitedFileSource.DelimiterFor(path, options.Delimiter, options.Kind));
    }

    private static string FilePath(IngestOptions options, string baseDirectory) =>
        Path.GetFullPath(Required(options.Path, "path", options.Kind), baseDirectory);

    private static string Required(string? value, string key, IngestKind kind) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new IngestException($"{kind.ToString().ToLowerInvariant()} source", $"ingest.{key} is required for ingest.kind {kind.ToString().ToLowerInvariant()}; set it in params.yaml or with --set ingest.{key}=...")
            : value;
}
