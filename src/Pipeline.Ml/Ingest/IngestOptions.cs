namespace Pipeline.Ml.Ingest;

/// <summary>
/// The <c>ingest</c> section of params.yaml. Key → property (default): <c>kind</c> → <see cref="Kind"/> (sqlite),
/// <c>path</c>, <c>delimiter</c>, <c>query</c>, <c>table</c> (transactions), <c>connection</c>, <c>url</c>,
/// <c>page_param</c> (page), <c>page_size_param</c> (page_size), <c>page_size</c> (500), <c>first_page</c> (1),
/// <c>items_field</c> (items), <c>timeout_seconds</c> (30), <c>max_retries</c> (3), <c>retry_delay_ms</c> (500),
/// <c>seed</c> (17, jitter of the back-off), <c>watermark</c> (none: full load), <c>feedback</c> (none: the prediction log
/// whose feedback-labelled traffic is appended, see <see cref="Feedback.FeedbackIngest"/>).
/// </summary>
public sealed partial record IngestOptions
{
    /// <summary>The connector (<c>ingest.kind</c>).</summary>
    public IngestKind Kind { get; init; } = IngestKind.Sqlite;

    /// <summary>File path of csv/tsv/jsonl/parquet/sqlite sources, relative to the base directory given to the ingestor.</summary>
    public string? Path { get; init; }

    /// <summary>Field delimiter of delimited files; default ',' (tab for <c>.tsv</c>/<c>.tab</c> files or kind tsv).</summary>
    public char? Delimiter { get; init; }

    /// <summary>SQL query of sqlite/postgres sources; default <c>SELECT * FROM "&lt;table&gt;"</c>.</summary>
    public string? Query { get; init; }

    /// <summary>Table read when no query is given.</summary>
    public string Table { get; init; } = "transactions";

    /// <summary>ADO.NET connection string of a postgres source (its password never appears in messages).</summary>
    public string? Connection { get; init; }

    /// <summary>URL of an http source.</summary>
    public string? Url { get; init; }

    /// <summary>Query parameter carrying the page number.</summary>
    public string PageParam { get; init; } = "page";

    /// <summary>Query parameter carrying the page size (empty: not sent).</summary>
    public string PageSizeParam { get; init; } = "page_size";

    /// <summary>Items requested per page.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Number of the first page.</summary>
    public int FirstPage { get; init; } = 1;

    /// <summary>Field holding the item array when a page is a JSON object.</summary>
    public string ItemsField { get; init; } = "items";

    /// <summary>Timeout of one HTTP request.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Retries after a 5xx, 408, 429, timeout or connection failure (4xx fails at once).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off delay; doubles per retry, plus up to 50% seeded jitter.</summary>
    public int RetryDelayMs { get; init; } = 500;

    /// <summary>Seed of the back-off jitter.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Watermark column for incremental loads (null: full load every run).</summary>
    public string? Watermark { get; init; }

    /// <summary>
    /// The serving host's prediction log (a SQLite file, or a PostgreSQL connection string) whose feedback-labelled
    /// predictions are appended to the snapshot (null: none).
    /// </summary>
    public string? Feedback { get; init; }
}
