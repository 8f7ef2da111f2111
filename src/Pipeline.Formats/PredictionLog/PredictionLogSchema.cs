namespace Pipeline.Formats.PredictionLog;

/// <summary>
/// The prediction log's tables, the contract between the host that writes them and the readers (Monitor, feedback
/// ingestion): <c>predictions</c> (one row per answered row, times as <see cref="PredictionLogTime"/> text),
/// <c>feedback</c> (one label per request) and <c>item_feedback</c> (a recommendation's clicks or ratings, one per
/// returned item: request id, item, label and the prediction's trace id).
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
        CREATE TABLE IF NOT EXISTS item_feedback (
            request_id TEXT NOT NULL,
            item TEXT NOT NULL,
            time TEXT NOT NULL,
            label TEXT NOT NULL,
            trace_id TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (request_id, item));
        """;

    /// <summary>The same for SQLite, with WAL on so feedback writes do not block the log writer.</summary>
    public static string Sqlite => "PRAGMA journal_mode=WAL;" + Postgres.Replace("DOUBLE PRECISION", "REAL", StringComparison.Ordinal);

    /// <summary>The DDL for <paramref name="dialect"/>.</summary>
    public static string For(SqlDialect dialect) => dialect == SqlDialect.Postgres ? Postgres : Sqlite;

    /// <summary>
    /// Columns added after the base DDL, in order: <c>trace_id</c>, the W3C trace id (32 hex digits) of the request
    /// that made the prediction, and on <c>feedback</c> the trace id of the prediction it labels; empty when untraced.
    /// </summary>
    public static IReadOnlyList<(string Table, string Column, string Definition)> AddedColumns { get; } =
    [
        ("predictions", "trace_id", "TEXT NOT NULL DEFAULT ''"),
        ("feedback", "trace_id", "TEXT NOT NULL DEFAULT ''"),
    ];

    /// <summary>The names of <paramref name="table"/>'s columns, one per row (a fixed table name, never user input).</summary>
    public static string ColumnNames(SqlDialect dialect, string table) => dialect == SqlDialect.Postgres
        ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'"
        : $"SELECT name FROM pragma_table_info('{table}')";

    /// <summary>1 when the log has <paramref name="table"/>, else 0 (a fixed table name, never user input): a log an earlier host wrote may lack a table.</summary>
    public static string TableCount(SqlDialect dialect, string table) => dialect == SqlDialect.Postgres
        ? $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'"
        : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";

    /// <summary>Adds one of the <see cref="AddedColumns"/> to a log that lacks it.</summary>
    public static string AddColumn((string Table, string Column, string Definition) added) =>
        $"ALTER TABLE {added.Table} ADD COLUMN {added.Column} {added.Definition}";
}
