using Microsoft.Data.Sqlite;
using Pipeline.Ml.Data;
using Pipeline.Formats.IO;

namespace Pipeline.Ml.Sources;

/// <summary>
/// The default embedded source: a SQLite database with a <c>transactions</c> table of synthetic card transactions,
/// generated deterministically from <see cref="CardTransactionsOptions"/> (see Sources/README.md for the process).
/// Ingest it with <c>ingest.kind: sqlite</c>, <c>ingest.table: transactions</c>, <c>ingest.watermark: ts</c>.
/// </summary>
public static class CardTransactionsSource
{
    /// <summary>The table name.</summary>
    public const string Table = "transactions";

    /// <summary>The watermark column (ISO 8601 UTC timestamps, increasing with <c>id</c>).</summary>
    public const string WatermarkColumn = "ts";

    /// <summary>The label column (1 = fraud).</summary>
    public const string LabelColumn = "is_fraud";

    /// <summary>The key column.</summary>
    public const string KeyColumn = "id";

    /// <summary>
    /// Creates the database at <paramref name="sqlitePath"/> unless the file exists; returns true when it created it.
    /// The file is built under a temporary name and renamed, so a failure leaves nothing behind.
    /// </summary>
    public static bool EnsureDatabase(string sqlitePath, CardTransactionsOptions options)
    {
        if (File.Exists(sqlitePath)) return false;
        using var file = new AtomicFile(sqlitePath);
        using (var connection = Open(file.TempPath))
        {
            Execute(connection, TransactionsTable.CreateSql);
            var generator = new CardTransactionGenerator(options, new Random(options.Seed));
            TransactionsTable.Insert(connection, generator.Generate(1, options.StartTime, options.Rows));
        }
        file.Commit();
        return true;
    }

    /// <summary>
    /// Appends <paramref name="count"/> rows after the last one (ids continue; days start the day after the last
    /// timestamp), drawn with <paramref name="options"/> (its drift knobs apply; its <c>StartTime</c> and <c>Rows</c>
    /// are ignored). Deterministic: the random stream is seeded from <c>options.Seed</c> and the last id.
    /// </summary>
    public static int AppendBatch(string sqlitePath, CardTransactionsOptions options, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!File.Exists(sqlitePath))
            throw new FileNotFoundException($"No card-transaction database at {sqlitePath}; create it with EnsureDatabase first.", sqlitePath);
        using var connection = Open(sqlitePath);
        var (lastId, lastTimestamp) = TransactionsTable.Last(connection);
        var nextDay = new DateTimeOffset(lastTimestamp.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var generator = new CardTransactionGenerator(options, new Random(unchecked(options.Seed * 7919 + (int)lastId)));
        TransactionsTable.Insert(connection, generator.Generate(lastId + 1, nextDay, count));
        return count;
    }

    /// <summary>
    /// <paramref name="count"/> rows drawn with <paramref name="options"/>' knobs from <c>Random(options.Seed)</c>, ids from
    /// <paramref name="firstId"/> and days from <paramref name="firstDay"/>: traffic that is not in the database (e.g. a
    /// drifted stream for the Simulate demo). The same arguments give the same rows.
    /// </summary>
    public static IEnumerable<CardTransaction> Generate(CardTransactionsOptions options, long firstId, DateTimeOffset firstDay, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new CardTransactionGenerator(options, new Random(options.Seed)).Generate(firstId, firstDay, count);
    }

    private static SqliteConnection Open(string path)
    {
        // NOTE: no pooling, so the file handle is released on dispose and the temporary file can be renamed.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
