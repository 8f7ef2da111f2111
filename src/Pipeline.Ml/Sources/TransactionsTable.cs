using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Pipeline.Ml.Sources;

/// <summary>DDL and row I/O of the <c>transactions</c> table.</summary>
internal static class TransactionsTable
{
    /// <summary>The table and its watermark index.</summary>
    public const string CreateSql = """
        CREATE TABLE transactions (
            id INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            amount REAL NOT NULL,
            merchant_category TEXT NOT NULL,
            hour INTEGER NOT NULL,
            country TEXT NOT NULL,
            device TEXT NOT NULL,
            account_age_days INTEGER,
            tx_last_24h INTEGER NOT NULL,
            tx_last_7d INTEGER NOT NULL,
            merchant_description TEXT NOT NULL,
            is_fraud INTEGER NOT NULL
        );
        CREATE INDEX ix_transactions_ts ON transactions (ts);
        """;

    private static readonly string[] Columns =
    [
        "id", "ts", "amount", "merchant_category", "hour", "country", "device", "account_age_days", "tx_last_24h",
        "tx_last_7d", "merchant_description", "is_fraud",
    ];

    /// <summary>Inserts the rows in one transaction with a prepared statement.</summary>
    public static void Insert(SqliteConnection connection, IEnumerable<CardTransaction> rows)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO transactions ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var p = Columns.Select(c => command.Parameters.Add(new SqliteParameter { ParameterName = "$" + c })).ToArray();
        foreach (var row in rows)
        {
            p[0].Value = row.Id;
            p[1].Value = row.Timestamp;
            p[2].Value = row.Amount;
            p[3].Value = row.MerchantCategory;
            p[4].Value = row.Hour;
            p[5].Value = row.Country;
            p[6].Value = row.Device;
            p[7].Value = row.AccountAgeDays is { } age ? age : DBNull.Value;
            p[8].Value = row.TxLast24h;
            p[9].Value = row.TxLast7d;
            p[10].Value = row.MerchantDescription;
            p[11].Value = row.IsFraud ? 1 : 0;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The last id and timestamp; throws when the table is empty.</summary>
    public static (long Id, DateTimeOffset Timestamp) Last(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, ts FROM transactions ORDER BY id DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read()) throw new InvalidOperationException("The transactions table is empty; recreate the database with EnsureDatabase.");
        return (reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}
