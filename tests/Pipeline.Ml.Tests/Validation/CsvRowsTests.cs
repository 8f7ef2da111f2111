using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

public sealed class CsvRowsTests
{
    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_ParsesRfc4180()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("a.csv", "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\n\"multi\nline\",,z\n");

        var records = CsvRows.Read(path).ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal<string?[]>(["x,1", "say \"hi\"", null], records[1].Fields);
        Assert.Equal<string?[]>(["multi\nline", null, "z"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public void Write_ThenRead_RoundTripsAndQuotesOnlyWhenNeeded()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("b.csv");
        using (var writer = CsvRows.CreateWriter(path)) CsvRows.Write(writer, ["plain", "a,b", "q\"", null, "l\nm"]);

        Assert.Equal("plain,\"a,b\",\"q\"\"\",,\"l\nm\"\n", File.ReadAllText(path));
        Assert.Equal<string?[]>(["plain", "a,b", "q\"", null, "l\nm"], CsvRows.Read(path).Single().Fields);
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsNamingFileAndLine()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("c.csv", "a\n\"open\n");

        var error = Assert.Throws<InvalidDataException>(() => CsvRows.Read(path).ToList());

        Assert.Contains("c.csv:2", error.Message);
    }
}
