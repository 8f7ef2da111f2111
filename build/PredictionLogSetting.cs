using Npgsql;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Formats.PredictionLog;

namespace ReferencePipeline;

/// <summary>
/// Where the serving host writes its prediction log and Monitor, Retrain and Simulate read it (params.yaml
/// <c>serve.prediction_log</c>): a SQLite file relative to the repository root (default data/serving/predictions.db),
/// or a PostgreSQL database named by an Npgsql connection string (key=value pairs, the rule <c>ingest.feedback</c> uses).
/// </summary>
internal sealed record PredictionLogSetting
{
    /// <summary>The params key.</summary>
    public const string Key = "serve.prediction_log";

    /// <summary>The SQLite file when the key is absent.</summary>
    public const string DefaultPath = "data/serving/predictions.db";

    private PredictionLogSetting(string? path, string? connection) => (SqlitePath, Connection) = (path, connection);

    /// <summary>The SQLite file (relative to the repository root, or absolute); null for PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>The PostgreSQL connection string (never with a password); null for SQLite.</summary>
    public string? Connection { get; }

    /// <summary>The default: the SQLite file <see cref="DefaultPath"/>.</summary>
    public static PredictionLogSetting Default { get; } = new(DefaultPath, null);

    /// <summary>The location the Monitoring library reads: the SQLite file's absolute path, or the connection string.</summary>
    public string Location(string root) => Connection ?? Path.GetFullPath(SqlitePath!, root);

    /// <summary>For messages: the file, or "postgres host:port/database (user name)" (never a password).</summary>
    public override string ToString()
    {
        if (Connection is null) return SqlitePath!;
        var b = new NpgsqlConnectionStringBuilder(Connection);
        return $"postgres {b.Host}:{b.Port}/{b.Database} (user {b.Username})";
    }

    /// <summary>
    /// The setting of <paramref name="value"/> (null or empty: the default). A connection string must parse, name a Host
    /// and hold no password: params.yaml values are recorded in dvc.lock, so the password comes from PGPASSWORD or a
    /// ~/.pgpass entry (PGPASSFILE), which Npgsql reads. Anything else is a <see cref="ParamException"/> in one line.
    /// </summary>
    public static PredictionLogSetting Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Default;
        value = value.Trim();
        if (value.Contains("://", StringComparison.Ordinal))
            throw ParamValue.Bad(Key, value, "a SQLite file path, or a PostgreSQL connection string such as Host=db;Port=5432;Username=pipeline;Database=serving (not a URL)");
        if (!PredictionLogLocation.IsConnectionString(value)) return new PredictionLogSetting(value, null);

        NpgsqlConnectionStringBuilder b;
        try
        {
            b = new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ParamException($"params.yaml {Key} is not a PostgreSQL connection string: {e.Message} (expected e.g. Host=db;Port=5432;Username=pipeline;Database=serving).");
        }

        if (b.Password is not null)
            throw new ParamException($"params.yaml {Key} holds a password, and params values are recorded in dvc.lock: remove Password= and set PGPASSWORD or a ~/.pgpass entry (PGPASSFILE) instead.");
        if (string.IsNullOrWhiteSpace(b.Host))
            throw new ParamException($"params.yaml {Key} names no Host: add Host=… to the connection string.");
        return new PredictionLogSetting(null, value);
    }

    /// <summary>The one line for a PostgreSQL log that cannot be read (<paramref name="e"/>), naming it and the fix.</summary>
    public InputException Unreadable(NpgsqlException e) => e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable }
        ? new InputException($"No prediction log in {this} ({Key}): serve the model first (./build.sh Serve) with this setting.", e)
        : new InputException($"Cannot read the prediction log {this} ({Key}): {e.Message}", e);
}
