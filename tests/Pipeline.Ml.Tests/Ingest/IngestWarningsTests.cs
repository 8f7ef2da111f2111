using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest;

namespace Pipeline.Ml.Tests.Ingest;

/// <summary>Values ingest copies unchanged but that would be misread later are reported per column, never silently.</summary>
public sealed class IngestWarningsTests
{
    [Fact]
    public void Run_CsvWithCommaDecimals_WarnsNamingColumnCountAndExample()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.csv"), "id,amount,name\n1,\"3,14\",\"Smith, John\"\n2,2.5,x\n3,\"-0,5\",y\n4,\"1.234,56\",\"3, 4\"\n5,\"1,000\",z\n");

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root);

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith($"column 'amount': 4 values are numbers written with a comma (e.g. '3,14') in csv file {dir.Path("in.csv")}; they were kept as text", warning);
        Assert.Contains("'.' as the decimal separator", warning);
        Assert.Equal("id,amount,name\n1,\"3,14\",\"Smith, John\"\n2,2.5,x\n3,\"-0,5\",y\n4,\"1.234,56\",\"3, 4\"\n5,\"1,000\",z\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_TsvWithCommaDecimals_Warns()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.tsv"), "a\tb\n1,5\t2\n");

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.tsv" }, dir.Path("raw.csv"), dir.Root);

        Assert.StartsWith("column 'a': 1 value is a number written with a comma (e.g. '1,5')", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Run_CsvWithInvalidUtf8_WarnsNamingColumnAndRows()
    {
        using var dir = new TestDirectory();
        // NOTE: 0xE9 is 'é' in Latin-1 and invalid on its own in UTF-8; rows 1 and 3 of 'city' hold it, row 2 is clean.
        File.WriteAllBytes(dir.Path("in.csv"), [.. "id,city\n1,Mont"u8, 0xE9, .. "limar\n2,Lyon\n3,Bruy"u8, 0xE8, 0xE9, .. "res\n"u8]);

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root);

        Assert.Equal(
            [$"column 'city': 2 rows contain invalid UTF-8 in csv file {dir.Path("in.csv")} (replaced by U+FFFD). Convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) and ingest again."],
            result.Warnings);
        Assert.Equal("id,city\n1,Mont\uFFFDlimar\n2,Lyon\n3,Bruy\uFFFD\uFFFDres\n", File.ReadAllText(dir.Path("raw.csv")));
    }

    [Fact]
    public void Run_JsonLinesWithInvalidUtf8_WarnsNamingColumnAndRows()
    {
        using var dir = new TestDirectory();
        File.WriteAllBytes(dir.Path("log.jsonl"), [.. "{\"id\":1,\"city\":\"Mont"u8, 0xE9, .. "limar\"}\n{\"id\":2,\"city\":\"Lyon\"}\n"u8]);

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Jsonl, Path = "log.jsonl" }, dir.Path("raw.csv"), dir.Root);

        Assert.StartsWith("column 'city': 1 row contains invalid UTF-8 in jsonl file", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Run_CleanCsv_NoWarnings()
    {
        using var dir = new TestDirectory();
        File.WriteAllText(dir.Path("in.csv"), "id,amount,note\n1,3.14,\"a, b\"\n2,1e3,Zoë\n");

        var result = Ingestor.Run(new IngestOptions { Kind = IngestKind.Csv, Path = "in.csv" }, dir.Path("raw.csv"), dir.Root);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Reader_InvalidUtf8_CountsEachReplacedSequence()
    {
        using var dir = new TestDirectory();
        File.WriteAllBytes(dir.Path("in.csv"), [.. "a\nx"u8, 0xFF, .. "y\n"u8, 0xC3, 0x28, .. "\nZo\u00EB\n"u8]);

        using var reader = new CsvSnapshotReader(dir.Path("in.csv"));
        var values = reader.ReadRows().Select(row => row[0]!).ToArray();

        Assert.Equal(["x\uFFFDy", "\uFFFD(", "Zo\u00EB"], values);
        Assert.Equal(2, reader.InvalidUtf8Sequences);
    }
}
