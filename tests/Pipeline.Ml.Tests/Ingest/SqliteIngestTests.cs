using Microsoft.Data.Sqlite;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Sources;

namespace Pipeline.Ml.Tests.Ingest;

public sealed class SqliteIngestTests
{
    private static readonly CardTransactionsOptions Source = new() { Rows = 1500, RowsPerDay = 400 };

    [Fact]
    public void Run_CardTransactions_FullSnapshot()
    {
        using var dir = new TestDirectory();
        CardTransactionsSource.EnsureDatabase(dir.Path("source/tx.db"), Source);

        var result = Ingestor.Run(new IngestOptions { Path = "source/tx.db" }, dir.Path("data/raw/tx.csv"), dir.Root);

        Assert.Equal((1500L, 1500L, 1500L, false), (result.RowsRead, result.RowsAppended, result.RowsTotal, result.Incremental));
        Assert.Equal(["id", "ts", "amount", "merchant_category", "hour", "country", "device", "account_age_days", "tx_last_24h", "tx_last_7d", "merchant_description", "is_fraud"], result.Columns);
        Assert.StartsWith("sqlite database ", result.Source);
        var kinds = ColumnTypeInference.Infer(dir.Path("data/raw/tx.csv")).ToDictionary(c => c.Name, c => c.Kind);
        Assert.Equal(ColumnKind.Date, kinds["ts"]);
        Assert.Equal(ColumnKind.Numeric, kinds["amount"]);
        Assert.Equal(ColumnKind.Categorical, kinds["merchant_category"]);
        Assert.Equal(ColumnKind.Text, kinds["merchant_description"]);
        Assert.Equal(ColumnKind.Boolean, kinds["is_fraud"]);
    }

    [Fact]
    public void Run_WatermarkAfterAppend_AddsOnlyNewRowsOnce()
    {
        using var dir = new TestDirectory();
        var db = dir.Path("tx.db");
        CardTransactionsSource.EnsureDatabase(db, Source);
        var options = new IngestOptions { Path = db, Watermark = "ts" };
        var snapshot = dir.Path("raw.csv");
        Ingestor.Run(options, snapshot, dir.Root);
        CardTransactionsSource.AppendBatch(db, Source with { AmountShift = 2 }, 250);

        var second = Ingestor.Run(options, snapshot, dir.Root);
        var bytes = File.ReadAllBytes(snapshot);
        var third = Ingestor.Run(options, snapshot, dir.Root);

        Assert.Equal((250L, 250L, 1750L, true), (second.RowsRead, second.RowsAppended, second.RowsTotal, second.Incremental));
        Assert.Equal((0L, 0L, 1750L), (third.RowsRead, third.RowsAppended, third.RowsTotal));
        Assert.Equal(bytes, File.ReadAllBytes(snapshot));
        using var reader = new CsvSnapshotReader(snapshot);
        var ids = reader.ReadRows().Select(r => long.Parse(r[0]!)).ToArray();
        Assert.Equal(Enumerable.Range(1, 1750).Select(i => (long)i), ids);
    }

    [Fact]
    public void Run_QueryWithNumericWatermark_FilterPushedDown()
    {
        using var dir = new TestDirectory();
        var db = dir.Path("n.db");
        Exec(db, "CREATE TABLE t (k INTEGER, label TEXT); INSERT INTO t VALUES (2,'a'),(9,'b'),(10,'c');");
        var options = new IngestOptions { Path = db, Query = "SELECT k, label FROM t WHERE k > 1;", Watermark = "k" };
        Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);
        Exec(db, "INSERT INTO t VALUES (11,'d'),(3,'late');");

        var result = Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);

        Assert.Equal(1, result.RowsRead);
        Assert.Equal("k,label\n2,a\n9,b\n10,c\n11,d\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_MissingDatabase_FailsNamingPathAndKeepsOldSnapshot()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("raw.csv"), "a\n1\n");

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(new IngestOptions { Path = "nope.db" }, dir.Path("raw.csv"), dir.Root));

        Assert.Contains(dir.Path("nope.db"), error.Message);
        Assert.Equal("a\n1\n", File.ReadAllText(dir.Path("raw.csv")));
        Assert.False(File.Exists(dir.Path("nope.db")));
    }

    [Fact]
    public void Run_BadQuery_FailsWithSqliteCause()
    {
        using var dir = new TestDirectory();
        Exec(dir.Path("n.db"), "CREATE TABLE t (k INTEGER);");

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(new IngestOptions { Path = "n.db", Table = "missing" }, dir.Path("raw.csv"), dir.Root));

        Assert.Contains("no such table: missing", error.Message);
        Assert.Single(Directory.GetFiles(dir.Root));
    }

    private static void Exec(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
