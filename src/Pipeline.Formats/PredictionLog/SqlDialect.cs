namespace Pipeline.Formats.PredictionLog;

/// <summary>The SQL databases the prediction log lives in.</summary>
public enum SqlDialect
{
    /// <summary>One SQLite file (the default, single host).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by replicas.</summary>
    Postgres,
}
