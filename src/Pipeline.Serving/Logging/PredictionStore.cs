using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Pipeline.Serving.Logging;

/// <summary>
/// The prediction log's database: SQLite (one file, WAL) or PostgreSQL (shared by replicas), with the same
/// <c>predictions</c> and <c>feedback</c> tables (<see cref="PredictionLogSchema"/>), created on start.
/// </summary>
internal sealed class PredictionStore
{
    private readonly Func<DbConnection> open;

    private PredictionStore(Func<DbConnection> open, string description) => (this.open, Description) = (open, description);

    /// <summary>Where the log goes, for messages (the SQLite path, or "PostgreSQL").</summary>
    public string Description { get; }

    /// <summary>A SQLite store at <paramref name="path"/> (folder created).</summary>
    public static PredictionStore Sqlite(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        return new PredictionStore(() => new SqliteConnection(text), path);
    }

    /// <summary>A PostgreSQL store.</summary>
    public static PredictionStore Postgres(string connectionString) =>
        new(() => new NpgsqlConnection(connectionString), "PostgreSQL");

    /// <summary>Creates the tables (and turns on WAL for SQLite so feedback writes do not block the log writer).</summary>
    public async Task CreateAsync(CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        var ddl = connection is SqliteConnection ? PredictionLogSchema.Sqlite : PredictionLogSchema.Postgres;
        await Execute(connection, ddl, cancel);
    }

    /// <summary>Inserts a batch of predictions in one transaction (an id seen again is ignored).</summary>
    public async Task InsertAsync(IReadOnlyList<PredictionRecord> batch, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        if (connection is NpgsqlConnection postgres)
        {
            await InsertPostgresAsync(postgres, batch, cancel);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO predictions (request_id, time, model, model_version, variant, features, output, latency_ms) " +
            "VALUES (@id, @time, @model, @version, @variant, @features, @output, @latency) ON CONFLICT (request_id) DO NOTHING";
        var p = InsertParameters.Select(n => Add(command, n)).ToArray();
        // NOTE: a prepared insert is a measurable share of the writer's time under load.
        await command.PrepareAsync(cancel);
        foreach (var r in batch)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (r.RequestId, Time(r.Time), r.Model, r.Version);
            (p[4].Value, p[5].Value, p[6].Value, p[7].Value) = (r.Variant, r.Features, r.Output, r.LatencyMs);
            await command.ExecuteNonQueryAsync(cancel);
        }

        await transaction.CommitAsync(cancel);
    }

    // NOTE: one statement per batch (arrays unnested on the server): a statement per row would cost a network round
    // trip per prediction, which is what limits a PostgreSQL writer. One statement is one transaction.
    private static readonly string[] InsertParameters = ["id", "time", "model", "version", "variant", "features", "output", "latency"];

    private static async Task InsertPostgresAsync(NpgsqlConnection connection, IReadOnlyList<PredictionRecord> batch, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO predictions (request_id, time, model, model_version, variant, features, output, latency_ms) " +
            "SELECT * FROM unnest(@id, @time, @model, @version, @variant, @features, @output, @latency) ON CONFLICT (request_id) DO NOTHING", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("id", batch.Select(r => r.RequestId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("time", batch.Select(r => Time(r.Time)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("model", batch.Select(r => r.Model).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("version", batch.Select(r => r.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("variant", batch.Select(r => r.Variant).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("features", batch.Select(r => r.Features).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("output", batch.Select(r => r.Output).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("latency", batch.Select(r => r.LatencyMs).ToArray()));
        await command.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>The ids among <paramref name="ids"/> that have no logged prediction.</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(IReadOnlyList<string> ids, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM predictions WHERE request_id = @id";
        var id = Add(command, "id");
        var unknown = new List<string>();
        foreach (var value in ids)
        {
            id.Value = value;
            if (await command.ExecuteScalarAsync(cancel) is null)
            {
                unknown.Add(value);
            }
        }

        return unknown;
    }

    /// <summary>
    /// Stores ground truth in one transaction: the first label of a request id is kept. Returns the ids that already
    /// had a label (or came twice); when there are any, nothing is stored.
    /// </summary>
    public async Task<IReadOnlyList<string>> InsertFeedbackAsync(IReadOnlyList<(string RequestId, string Label)> feedback, DateTimeOffset time, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO feedback (request_id, time, label) VALUES (@id, @time, @label) ON CONFLICT (request_id) DO NOTHING";
        var (id, at, label) = (Add(command, "id"), Add(command, "time"), Add(command, "label"));
        var labelled = new List<string>();
        foreach (var (requestId, value) in feedback)
        {
            (id.Value, at.Value, label.Value) = (requestId, Time(time), value);
            if (await command.ExecuteNonQueryAsync(cancel) == 0)
            {
                labelled.Add(requestId);
            }
        }

        if (labelled.Count > 0)
        {
            await transaction.RollbackAsync(cancel);
            return labelled;
        }

        await transaction.CommitAsync(cancel);
        return labelled;
    }

    /// <summary>Logged outputs of <paramref name="variants"/> since <paramref name="since"/> joined with their feedback labels.</summary>
    public async Task<IReadOnlyList<(string Variant, string Output, string Label)>> OutcomesAsync(IReadOnlyList<string> variants, DateTimeOffset since, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        var names = variants.Select((v, i) => Add(command, "v" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        for (var i = 0; i < variants.Count; i++)
        {
            names[i].Value = variants[i];
        }

        Add(command, "since").Value = Time(since);
        command.CommandText = "SELECT p.variant, p.output, f.label FROM predictions p JOIN feedback f ON f.request_id = p.request_id " +
            $"WHERE p.time >= @since AND p.variant IN ({string.Join(", ", names.Select(n => n.ParameterName))})";
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task Execute(DbConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancel);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancel)
    {
        var connection = open();
        await connection.OpenAsync(cancel);
        // NOTE: request ids are random, so inserts touch random pages of the key index; a larger page cache and
        // NORMAL sync (safe with WAL: a crash loses at most the last transactions, never corrupts) let the writer keep
        // up with ~15k predictions/s instead of dropping a fifth of them under sustained load (bench/README.md).
        if (connection is SqliteConnection) await Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;", cancel);
        return connection;
    }
}
