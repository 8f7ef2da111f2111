using Parquet;
using Parquet.Schema;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest;

namespace Pipeline.Ml.Tests.Ingest;

public sealed class FileIngestTests
{
    [Fact]
    public void Run_CsvWithQuotesAndMissing_CopiedCanonically()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.csv"), "a,b\r\n\"1\",\"x, \"\"y\"\"\"\r\n,\"multi\nline\"\r\n");

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root);

        Assert.Equal(2, result.RowsRead);
        Assert.Equal("a,b\n1,\"x, \"\"y\"\"\"\n,\"multi\nline\"\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_LargeSource_ReportsRowsReadEveryStepAndAtTheEnd()
    {
        using var dir = new TestDirectory();
        var rows = (2 * Ingestor.ProgressEveryRows) + 1;
        File.WriteAllText(dir.Path("in.csv"), "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", rows)));
        var reported = new List<long>();

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root, new Reported(reported.Add));

        Assert.Equal(rows, result.RowsRead);
        Assert.Equal([Ingestor.ProgressEveryRows, 2L * Ingestor.ProgressEveryRows, rows], reported);
    }

    private sealed class Reported(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    // NOTE: issue 17 item 6: the copy loop stops on the stage's token whatever the source.
    [Fact]
    public void Run_Cancelled_ThrowsWithoutSnapshot()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.csv"), "a,b\n1,2\n3,4\n");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root, cancellationToken: cancellation.Token));

        Assert.False(File.Exists(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_TsvByExtension_SplitsOnTabs()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.tsv"), "a\tb\n1,5\t2\n");

        Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.tsv" }, dir.Path("raw.csv"), dir.Root);

        Assert.Equal("a,b\n\"1,5\",2\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_MalformedCsv_FailsWithFileLineAndNoSnapshot()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.csv"), "a,b\n1,2\n3\n");

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root));

        Assert.Equal($"Ingest from csv file {dir.Path("in.csv")} failed: {dir.Path("in.csv")}:3: expected 2 fields (as in the header) but found 1.", error.Message);
        Assert.False(File.Exists(dir.Path("raw.csv")));
        Assert.Single(Directory.GetFiles(dir.Root));
    }

    [Fact]
    public void Run_JsonLines_UnionOfScalarKeysInFirstSeenOrder()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("log.jsonl"),
            """
            {"ts":"2024-01-01T00:00:00Z","level":"info","n":1.50,"tags":["a"]}

            {"level":"warn","user":{"id":3},"ok":true,"ts":"2024-01-01T00:01:00Z"}
            {"ts":"2024-01-01T00:02:00Z","n":null,"msg":"a \"quoted\", text"}
            """);

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Jsonl, Path = "log.jsonl" }, dir.Path("raw.csv"), dir.Root);

        Assert.Equal(["ts", "level", "n", "ok", "msg"], result.Columns);
        Assert.Equal(
            "ts,level,n,ok,msg\n2024-01-01T00:00:00Z,info,1.50,,\n2024-01-01T00:01:00Z,warn,,true,\n2024-01-01T00:02:00Z,,,,\"a \"\"quoted\"\", text\"\n",
            File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_JsonLinesWatermark_FiltersWhileReading()
    {
        using var dir = new TestDirectory();
        var options = new IngestOptions { Kind = IngestKind.Jsonl, Path = "log.jsonl", Watermark = "ts" };
        File.WriteAllText(dir.Path("log.jsonl"), "{\"ts\":\"2024-01-01T00:00:00Z\",\"v\":1}\n");
        Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);
        File.AppendAllText(dir.Path("log.jsonl"), "{\"ts\":\"2024-01-02T00:00:00Z\",\"v\":2}\n{\"v\":3}\n");

        var result = Ingestor.Run(options, dir.Path("raw.csv"), dir.Root);

        Assert.Equal((3L, 1L, 1L), (result.RowsRead, result.RowsAppended, result.RowsWithoutWatermark));
        Assert.Equal("ts,v\n2024-01-01T00:00:00Z,1\n2024-01-02T00:00:00Z,2\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_MalformedJsonLine_NamesLine()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("log.jsonl"), "{\"a\":1}\n{\"a\":\n");

        var error = Assert.Throws<IngestException>(() => Ingestor.Run(new IngestOptions { Kind = IngestKind.Jsonl, Path = "log.jsonl" }, dir.Path("raw.csv"), dir.Root));

        Assert.Contains($"{dir.Path("log.jsonl")}:2: not valid JSON", error.Message);
        Assert.False(File.Exists(dir.Path("raw.csv")));
    }

    [Fact]
    public async Task Run_ParquetFile_ReadsTypedColumnsWithNulls()
    {
        using var dir = new TestDirectory();
        var id = new DataField<int>("id");
        var amount = new DataField<double?>("amount");
        var name = new DataField<string>("name");
        var flag = new DataField<bool>("flag");
        await using (var stream = File.Create(dir.Path("in.parquet")))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, amount, name, flag), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(id, new[] { 1, 2, 3 }.AsMemory());
            await group.WriteAsync<double>(amount, new double?[] { 0.1, null, 2.5 }.AsMemory());
            await group.WriteAsync(name, new string?[] { "a", "b, c", null });
            await group.WriteAsync<bool>(flag, new[] { true, false, true }.AsMemory());
        }

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Parquet, Path = "in.parquet" }, dir.Path("raw.csv"), dir.Root);

        Assert.Equal(3, result.RowsRead);
        Assert.Equal("id,amount,name,flag\n1,0.1,a,true\n2,,\"b, c\",false\n3,2.5,,true\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void FromParams_SectionKeys_MapToOptions()
    {
        var options = IngestOptions.FromParams(new Dictionary<string, string>
        {
            ["kind"] = "http", ["url"] = "http://h/api", ["page_size"] = "50", ["delimiter"] = "tab", ["watermark"] = "ts",
        });

        Assert.Equal(new IngestOptions { Kind = IngestKind.Http, Url = "http://h/api", PageSize = 50, Delimiter = '\t', Watermark = "ts" }, options);
        var error = Assert.Throws<ParamException>(() => IngestOptions.FromParams(new Dictionary<string, string> { ["kind"] = "excel" }));
        Assert.Contains("csv, tsv, jsonl, parquet, sqlite, postgres, http", error.Message);
    }
}
