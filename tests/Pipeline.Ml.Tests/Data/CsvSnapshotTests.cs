using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public sealed class CsvSnapshotTests
{
    private static readonly string?[][] Rows =
    [
        ["1", "plain", "1.5"],
        ["2", "has, comma", null],
        ["3", "say \"hi\"", "-0.25"],
        ["4", "two\nlines", "1E-05"],
        [null, null, "3"],
    ];

    [Fact]
    public void WriterAndReader_QuotesCommasNewlinesMissing_RoundTrip()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("raw/a.csv");
        using (var writer = new CsvSnapshotWriter(path, ["id", "name", "x"]))
        {
            foreach (var row in Rows) writer.WriteRow(row);
            writer.Complete();
        }

        Assert.Equal("id,name,x\n1,plain,1.5\n2,\"has, comma\",\n3,\"say \"\"hi\"\"\",-0.25\n4,\"two\nlines\",1E-05\n,,3\n", File.ReadAllText(path));
        using var reader = new CsvSnapshotReader(path);
        Assert.Equal(["id", "name", "x"], reader.Header);
        Assert.Equal(Rows, reader.ReadRows().ToArray());
        Assert.Single(Directory.GetFiles(dir.Path("raw")));
    }

    [Fact]
    public void Writer_DisposedBeforeComplete_LeavesNoFile()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        Action failingWrite = () =>
        {
            using var writer = new CsvSnapshotWriter(path, ["a"]);
            writer.WriteRow(["1"]);
            throw new InvalidOperationException("source failed");
        };

        Assert.Throws<InvalidOperationException>(failingWrite);

        Assert.Empty(Directory.GetFiles(dir.Root));
    }

    [Fact]
    public void SnapshotValue_Doubles_UseRoundTripInvariantText()
    {
        Assert.Equal("0.1", SnapshotValue.Format(0.1));
        Assert.Equal("1234567.891", SnapshotValue.Format(1234567.891));
        Assert.Null(SnapshotValue.Format(double.NaN));
        Assert.Equal("2024-01-02T03:04:05Z", SnapshotValue.Format(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
    }

    [Fact]
    public void Reader_WrongFieldCount_NamesFileAndLine()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("bad.csv");
        File.WriteAllText(path, "a,b\n1,\"x\ny\"\n2,3,4\n");
        using var reader = new CsvSnapshotReader(path);

        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRows().ToArray());

        Assert.Equal($"{path}:4: expected 2 fields (as in the header) but found 3.", error.Message);
    }

    [Fact]
    public void Reader_ReadRawRow_ReturnsWrongWidthRowWithItsStartLine()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("ragged.csv");
        File.WriteAllText(path, "a,b\n\"multi\nline\",1\n\n2,3,4\n");
        using var reader = new CsvSnapshotReader(path);

        Assert.Equal<string?[]?>(["multi\nline", "1"], reader.ReadRawRow());
        Assert.Equal(2, reader.RowLine);
        Assert.Equal<string?[]?>(["2", "3", "4"], reader.ReadRawRow());
        Assert.Equal(5, reader.RowLine);
        Assert.Null(reader.ReadRawRow());
    }

    [Fact]
    public void Reader_UnterminatedQuote_NamesStartLine()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("bad.csv");
        File.WriteAllText(path, "a,b\n1,2\n3,\"open\n4,5\n");
        using var reader = new CsvSnapshotReader(path);

        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRows().ToArray());

        Assert.Contains($"{path}:3:", error.Message);
        Assert.Contains("not terminated", error.Message);
    }

    [Fact]
    public void Reader_TabDelimitedWithCrLf_ReadsFields()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.tsv");
        File.WriteAllText(path, "a\tb\r\n1\t\"x,y\"\r\n\t2\r\n");
        using var reader = new CsvSnapshotReader(path, '\t');

        Assert.Equal([["1", "x,y"], [null, "2"]], reader.ReadRows().ToArray());
    }
}
