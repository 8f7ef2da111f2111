using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Pipeline.Ml.Sources;

namespace Pipeline.Ml.Tests.Sources;

public sealed class CardTransactionsSourceTests
{
    private static readonly CardTransactionsOptions Small = new() { Rows = 6000 };

    [Fact]
    public void EnsureDatabase_SameOptions_SameContent()
    {
        using var dir = new TestDirectory();

        Assert.True(CardTransactionsSource.EnsureDatabase(dir.Path("a/tx.db"), Small));
        Assert.True(CardTransactionsSource.EnsureDatabase(dir.Path("b/tx.db"), Small));
        Assert.False(CardTransactionsSource.EnsureDatabase(dir.Path("a/tx.db"), Small with { Seed = 1 }));

        Assert.Equal(DumpHash(dir.Path("a/tx.db")), DumpHash(dir.Path("b/tx.db")));
        Assert.NotEqual(DumpHash(dir.Path("a/tx.db")), DumpHash(CreateWith(dir, "c/tx.db", Small with { Seed = 7 })));
        Assert.Single(Directory.GetFiles(dir.Path("a")));
    }

    [Fact]
    public void EnsureDatabase_Defaults_FraudRateAndShape()
    {
        using var dir = new TestDirectory();
        var path = CreateWith(dir, "tx.db", new CardTransactionsOptions());

        var stats = Scalars(path, "SELECT COUNT(*), AVG(is_fraud), COUNT(DISTINCT merchant_category), COUNT(DISTINCT country), COUNT(DISTINCT device), " +
            "SUM(account_age_days IS NULL), MIN(ts), MAX(id) FROM transactions");

        Assert.Equal(20000L, stats[0]);
        Assert.InRange((double)stats[1], 0.01, 0.02);
        Assert.Equal(12L, stats[2]);
        Assert.Equal(10L, stats[3]);
        Assert.Equal(3L, stats[4]);
        Assert.InRange((long)stats[5], 100L, 300L);
        Assert.StartsWith("2024-01-01T", (string)stats[6]);
        Assert.Equal(20000L, stats[7]);
    }

    [Fact]
    public void AppendBatch_DriftKnobs_ShiftNewRowsOnly()
    {
        using var dir = new TestDirectory();
        var path = CreateWith(dir, "tx.db", Small);
        var lastTs = (string)Scalars(path, "SELECT MAX(ts) FROM transactions")[0];
        var drift = Small with { AmountShift = 3, NewCountryShare = 0.3, FraudRateMultiplier = 4, NightShare = 0.5 };

        Assert.Equal(3000, CardTransactionsSource.AppendBatch(path, drift, 3000));

        var old = Scalars(path, "SELECT AVG(amount), AVG(country IN ('VN','UA','PH','KZ')), AVG(is_fraud), AVG(hour < 6) FROM transactions WHERE id <= 6000");
        var recent = Scalars(path, "SELECT AVG(amount), AVG(country IN ('VN','UA','PH','KZ')), AVG(is_fraud), AVG(hour < 6), MIN(ts), MIN(id), COUNT(*) FROM transactions WHERE id > 6000");
        Assert.InRange((double)recent[0] / (double)old[0], 2.5, 3.5);
        Assert.Equal(0.0, (double)old[1]);
        Assert.InRange((double)recent[1], 0.25, 0.35);
        Assert.True((double)recent[2] > 2 * (double)old[2]);
        Assert.InRange((double)recent[3], 0.45, 0.55);
        Assert.True(string.CompareOrdinal((string)recent[4], lastTs) > 0);
        Assert.Equal(6001L, recent[5]);
        Assert.Equal(3000L, recent[6]);
    }

    private static string CreateWith(TestDirectory dir, string name, CardTransactionsOptions options)
    {
        var path = dir.Path(name);
        CardTransactionsSource.EnsureDatabase(path, options);
        return path;
    }

    private static object[] Scalars(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }

    private static string DumpHash(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM transactions ORDER BY id";
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            text.AppendJoin('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
