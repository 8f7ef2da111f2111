using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pipeline.Formats.PredictionLog;

namespace Pipeline.Serving.Logging;

/// <summary>
/// The prediction log's database: SQLite (one file, WAL) or PostgreSQL (shared by replicas), with the same
/// <c>predictions</c> and <c>feedback</c> tables (<see cref="PredictionLogSchema"/>), created on start (columns added
/// since a log was first written are added to it).
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

    /// <summary>
    /// Creates the tables (and turns on WAL for SQLite so feedback writes do not block the log writer), then adds the
    /// <see cref="PredictionLogSchema.AddedColumns"/> a log written by an earlier host lacks.
    /// </summary>
    public async Task CreateAsync(CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        var dialect = connection is SqliteConnection ? SqlDialect.Sqlite : SqlDialect.Postgres;
        await Execute(connection, PredictionLogSchema.For(dialect), cancel);
        foreach (var added in PredictionLogSchema.AddedColumns)
        {
            if (!(await ColumnsAsync(connection, dialect, added.Table, cancel)).Contains(added.Column))
            {
                await Execute(connection, PredictionLogSchema.AddColumn(added), cancel);
            }
        }
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, SqlDialect dialect, string table, CancellationToken cancel)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PredictionLogSchema.ColumnNames(dialect, table);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            names.Add(reader.GetString(0));
        }

        return names;
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
        command.CommandText = PredictionLogQueries.InsertPrediction;
        var p = PredictionLogQueries.PredictionParameters.Select(n => Add(command, n)).ToArray();
        // NOTE: a prepared insert is a measurable share of the writer's time under load.
        await command.PrepareAsync(cancel);
        foreach (var r in batch)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (r.RequestId, Time(r.Time), r.Model, r.Version);
            (p[4].Value, p[5].Value, p[6].Value, p[7].Value, p[8].Value) = (r.Variant, r.Features, r.Output, r.LatencyMs, r.TraceId);
            await command.ExecuteNonQueryAsync(cancel);
        }

        await transaction.CommitAsync(cancel);
    }

    private static async Task InsertPostgresAsync(NpgsqlConnection connection, IReadOnlyList<PredictionRecord> batch, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(PredictionLogQueries.InsertPredictionBatch, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("id", batch.Select(r => r.RequestId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("time", batch.Select(r => Time(r.Time)).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("model", batch.Select(r => r.Model).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("version", batch.Select(r => r.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("variant", batch.Select(r => r.Variant).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("features", batch.Select(r => r.Features).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("output", batch.Select(r => r.Output).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<double[]>("latency", batch.Select(r => r.LatencyMs).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("trace", batch.Select(r => r.TraceId).ToArray()));
        await command.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>The trace id of each of <paramref name="ids"/> that has a logged prediction (empty when untraced); ids without one are absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TracesAsync(IReadOnlyList<string> ids, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = PredictionLogQueries.PredictionTrace;
        var id = Add(command, "id");
        var traces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in ids)
        {
            id.Value = value;
            if (await command.ExecuteScalarAsync(cancel) is string trace)
            {
                traces[value] = trace;
            }
        }

        return traces;
    }

    /// <summary>
    /// Stores ground truth in one transaction, each label with the trace id of the prediction it labels (from
    /// <paramref name="traces"/>): the first label of a request id is kept. Returns the ids that already had a label
    /// (or came twice); when there are any, nothing is stored.
    /// </summary>
    public async Task<IReadOnlyList<string>> InsertFeedbackAsync(IReadOnlyList<(string RequestId, string Label)> feedback, IReadOnlyDictionary<string, string> traces, DateTimeOffset time, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PredictionLogQueries.InsertFeedback;
        var (id, at, label, trace) = (Add(command, "id"), Add(command, "time"), Add(command, "label"), Add(command, "trace"));
        var labelled = new List<string>();
        foreach (var (requestId, value) in feedback)
        {
            (id.Value, at.Value, label.Value, trace.Value) = (requestId, Time(time), value, traces.GetValueOrDefault(requestId, ""));
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

    /// <summary>The logged output and trace id of each of <paramref name="ids"/> that has a logged prediction; ids without one are absent.</summary>
    public async Task<IReadOnlyDictionary<string, (string Output, string Trace)>> OutputsAsync(IReadOnlyList<string> ids, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = PredictionLogQueries.PredictionOutput;
        var id = Add(command, "id");
        var outputs = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var value in ids.Distinct(StringComparer.Ordinal))
        {
            id.Value = value;
            await using var reader = await command.ExecuteReaderAsync(cancel);
            if (await reader.ReadAsync(cancel)) outputs[value] = (reader.GetString(0), reader.GetString(1));
        }

        return outputs;
    }

    /// <summary>
    /// Stores clicks or ratings on recommended items in one transaction, each with the trace id of its recommendation:
    /// the first label of a (request id, item) is kept. Returns the pairs that already had a label (or came twice);
    /// when there are any, nothing is stored.
    /// </summary>
    public async Task<IReadOnlyList<string>> InsertItemFeedbackAsync(IReadOnlyList<ItemFeedback> feedback, IReadOnlyDictionary<string, string> traces, DateTimeOffset time, CancellationToken cancel)
    {
        await using var connection = await OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PredictionLogQueries.InsertItemFeedback;
        var (id, item, at, label, trace) = (Add(command, "id"), Add(command, "item"), Add(command, "time"), Add(command, "label"), Add(command, "trace"));
        var labelled = new List<string>();
        foreach (var f in feedback)
        {
            (id.Value, item.Value, at.Value, label.Value, trace.Value) = (f.RequestId, f.Item, Time(time), f.Label, traces.GetValueOrDefault(f.RequestId, ""));
            if (await command.ExecuteNonQueryAsync(cancel) == 0) labelled.Add($"{f.RequestId}/{f.Item}");
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
        command.CommandText = PredictionLogQueries.Outcomes(names.Select(n => n.ParameterName));
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private static string Time(DateTimeOffset time) => PredictionLogTime.Text(time);

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
