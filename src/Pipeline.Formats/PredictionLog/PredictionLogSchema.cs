namespace Pipeline.Formats.PredictionLog;

/// <summary>
/// The prediction log's tables, the contract between the host that writes them and the readers (Monitor, feedback
/// ingestion): <c>predictions</c> (one row per answered row, times as <see cref="PredictionLogTime"/> text) and
/// <c>feedback</c>.
/// </summary>
public static class PredictionLogSchema
{
    /// <summary>The DDL in PostgreSQL's spelling; the index on <c>predictions.time</c> serves "the last N predictions".</summary>
    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS predictions (
            request_id TEXT PRIMARY KEY,
            time TEXT NOT NULL,
            model TEXT NOT NULL,
            model_version TEXT NOT NULL,
            variant TEXT NOT NULL,
            features TEXT NOT NULL,
            output TEXT NOT NULL,
            latency_ms DOUBLE PRECISION NOT NULL);
        CREATE INDEX IF NOT EXISTS predictions_time ON predictions (time);
        CREATE TABLE IF NOT EXISTS feedback (
            request_id TEXT PRIMARY KEY,
            time TEXT NOT NULL,
            label TEXT NOT NULL);
        """;

    /// <summary>The same for SQLite, with WAL on so feedback writes do not block the log writer.</summary>
    public static string Sqlite => "PRAGMA journal_mode=WAL;" + Postgres.Replace("DOUBLE PRECISION", "REAL", StringComparison.Ordinal);

    /// <summary>The DDL for <paramref name="dialect"/>.</summary>
    public static string For(SqlDialect dialect) => dialect == SqlDialect.Postgres ? Postgres : Sqlite;
}
