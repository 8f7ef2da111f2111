namespace Pipeline.Ml.Ingest;

/// <summary>The source connector, from <c>ingest.kind</c>.</summary>
public enum IngestKind
{
    /// <summary>A delimited text file (CSV; TSV for <c>.tsv</c>/<c>.tab</c> or with <c>ingest.delimiter</c>).</summary>
    Csv,

    /// <summary>A tab-separated file (alias of <see cref="Csv"/> with a tab delimiter).</summary>
    Tsv,

    /// <summary>JSON Lines: one object per line (log files); top-level scalar fields become columns.</summary>
    Jsonl,

    /// <summary>An Apache Parquet file (top-level scalar columns).</summary>
    Parquet,

    /// <summary>A SQLite database file queried over ADO.NET (the default embedded source).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server queried over Npgsql.</summary>
    Postgres,

    /// <summary>A paged HTTP JSON API.</summary>
    Http,

    /// <summary>A Redis stream (<c>redis-stream</c>): entries after the recorded position are appended to the snapshot.</summary>
    RedisStream,

    /// <summary>JSON Lines or CSV log files matched by a glob, followed across rotation, truncation and gzip.</summary>
    Logs,
}
