using System.Text;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

/// <summary>
/// The reader scans a 64 Ki-character buffer for separators and quotes; these tests put every construct across the
/// buffer's boundaries and check the RFC 4180 rules (and error lines) at them.
/// </summary>
public sealed class CsvSnapshotReaderTests
{
    private const int Buffer = 1 << 16;

    [Fact]
    public void Reader_SeededFieldsAcrossBufferBoundaries_RoundTripWithStartLines()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        var random = new Random(7);
        var rows = new List<string?[]>();
        for (var r = 0; r < 3000; r++) rows.Add([RandomField(random), RandomField(random), RandomField(random)]);
        using (var writer = new CsvSnapshotWriter(path, ["a", "b", "c"]))
        {
            foreach (var row in rows) writer.WriteRow(row);
            writer.Complete();
        }
        Assert.True(new FileInfo(path).Length > 4 * Buffer);

        var expectedLines = new List<long>();
        var line = 2L;
        foreach (var row in rows)
        {
            expectedLines.Add(line);
            line += row.Sum(f => f?.Count(c => c == '\n') ?? 0) + 1;
        }
        using var reader = new CsvSnapshotReader(path);
        var read = new List<string?[]>();
        var lines = new List<long>();
        while (reader.ReadRow() is { } row)
        {
            read.Add(row);
            lines.Add(reader.RowLine);
        }
        Assert.Equal(rows, read);
        Assert.Equal(expectedLines, lines);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Reader_DoubledQuoteAndCrLfAtBufferEnd_ReadAsOneQuoteAndLineEnd(int shift)
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        // NOTE: "x,y\n" then a padding field that puts the doubled quote and the "\r\n" around the buffer's end.
        var pad = new string('p', Buffer - 4 - 4 + shift);
        File.WriteAllText(path, $"x,y\r\n{pad},\"a\"\"b\"\r\nplain,end\r\n,\r\n");

        using var reader = new CsvSnapshotReader(path);
        Assert.Equal([[pad, "a\"b"], ["plain", "end"], [null, null]], reader.ReadRows().ToArray());
    }

    [Fact]
    public void Reader_BlankLinesAndLastLineWithoutNewline_SkipsBlanksKeepsLastRow()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        File.WriteAllText(path, "x,y\n\n1,\"\"\n\r\n\"\",2\n3,\"q\"");

        using var reader = new CsvSnapshotReader(path);
        Assert.Equal([["1", null], [null, "2"], ["3", "q"]], reader.ReadRows().ToArray());
    }

    [Fact]
    public void Reader_QuoteInsideUnquotedField_IsLiteral()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        File.WriteAllText(path, "x,y\nsay \"hi\",5 \" 6\n");

        using var reader = new CsvSnapshotReader(path);
        Assert.Equal([["say \"hi\"", "5 \" 6"]], reader.ReadRows().ToArray());
    }

    [Fact]
    public void Reader_CharacterAfterClosingQuote_NamesItsLine()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        File.WriteAllText(path, "x,y\n1,\"two\nlines\"z\n");

        using var reader = new CsvSnapshotReader(path);
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRow());
        Assert.Contains(":3:", error.Message);
        Assert.Contains("unexpected character 'z' after a closing quote", error.Message);
    }

    [Fact]
    public void Reader_InvalidUtf8AcrossBuffers_CountedAndReplaced()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("x\n"));
        for (var i = 0; i < 3 * Buffer / 4; i++) bytes.AddRange([(byte)'a', 0xFF, (byte)'\n']);
        File.WriteAllBytes(path, [.. bytes]);

        using var reader = new CsvSnapshotReader(path);
        var rows = reader.ReadRows().ToList();
        Assert.Equal(3 * Buffer / 4, rows.Count);
        Assert.All(rows, r => Assert.Equal("a\uFFFD", r[0]));
        Assert.Equal(3 * Buffer / 4, reader.InvalidUtf8Sequences);
    }

    [Fact]
    public void CsvRows_SeededFieldsAcrossBufferBoundaries_ReadAndWrittenAsStringRows()
    {
        using var dir = new TestDirectory();
        var random = new Random(11);
        var rows = Enumerable.Range(0, 2000).Select(_ => new[] { RandomField(random), RandomField(random), RandomField(random) }).ToList();
        var path = dir.Path("a.csv");
        using (var writer = new CsvSnapshotWriter(path, ["a", "b", "c"]))
        {
            foreach (var row in rows) writer.WriteRow(row);
            writer.Complete();
        }

        var held = new CsvRows();
        var kept = new List<string?[]>();
        using (var reader = new CsvSnapshotReader(path))
        using (var copy = new CsvSnapshotWriter(dir.Path("b.csv"), reader.Header))
        {
            for (var i = 0; reader.ReadRow(held); i++)
            {
                copy.WriteRow(held, held.Count - 1);
                if (i % 3 == 0) held.RemoveLast();
                else kept.Add(rows[i]);
            }
            copy.Complete();
        }

        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(dir.Path("b.csv")));
        Assert.Equal(kept.Count, held.Count);
        for (var r = 0; r < held.Count; r++)
            for (var c = 0; c < 3; c++) Assert.Equal(kept[r][c] ?? "", held.Field(r, c).ToString());
    }

    [Fact]
    public void CsvRows_RowsLongerThanTheBuffer_ReadWholeAndCopiedByteForByte()
    {
        // NOTE: rows of 8,000 fields are 20–200 Ki characters: a plain row (no quote) is read as one line after the buffer
        // has grown to hold it, a row with a quoted field (every third) field by field; some rows end in "\r\n".
        using var dir = new TestDirectory();
        var random = new Random(13);
        var header = Enumerable.Range(0, 8000).Select(i => $"c{i}").ToArray();
        var rows = new List<string?[]>();
        for (var r = 0; r < 24; r++)
            rows.Add([.. header.Select((_, c) => r % 3 == 0 && c == 1000 + r * 300 ? "x,\"y\"" : random.Next(20) == 0 ? null : new string('7', random.Next(1, 4 + 2 * r)))]);
        var path = dir.Path("a.csv");
        using (var writer = new CsvSnapshotWriter(path, header))
        {
            foreach (var row in rows) writer.WriteRow(row);
            writer.Complete();
        }
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        File.WriteAllText(path, string.Join("\n", lines.Select((l, i) => i % 5 == 4 && !l.Contains('"') ? l + "\r" : l)));

        var held = new CsvRows();
        using (var reader = new CsvSnapshotReader(path))
        using (var copy = new CsvSnapshotWriter(dir.Path("b.csv"), reader.Header))
        {
            while (reader.ReadRow(held)) copy.WriteRow(held, held.Count - 1);
            copy.Complete();
        }
        using (var strings = new CsvSnapshotReader(path)) Assert.Equal(rows, strings.ReadRows().ToList());
        Assert.Equal(text, File.ReadAllText(dir.Path("b.csv")));
        Assert.Equal(rows.Count, held.Count);
        for (var r = 0; r < held.Count; r++)
        {
            Assert.Equal(string.Join(',', rows[r].Select(f => f ?? "")), held.Joined(r).ToString());
            for (var c = 0; c < header.Length; c += 97) Assert.Equal(rows[r][c] ?? "", held.Field(r, c).ToString());
        }
        Assert.Contains(rows, row => row.Sum(f => (f?.Length ?? 0) + 1) > 2 * Buffer);
    }

    [Fact]
    public void CsvRows_WrongFieldCount_ThrowsWithLineAndKeepsEarlierRows()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("a.csv");
        File.WriteAllText(path, "x,y\n1,2\n3\n");

        var rows = new CsvRows();
        using var reader = new CsvSnapshotReader(path);
        Assert.True(reader.ReadRow(rows));
        var error = Assert.Throws<InvalidDataException>(() => reader.ReadRow(rows));
        Assert.Contains(":3: expected 2 fields", error.Message);
        Assert.Equal(1, rows.Count);
        Assert.Equal("2", rows.Field(0, 1).ToString());
    }

    private static string? RandomField(Random random)
    {
        var length = random.Next(10) switch
        {
            0 => 0,
            1 => random.Next(Buffer / 8, Buffer / 2),
            _ => random.Next(1, 40),
        };
        if (length == 0) return null;
        const string alphabet = "abcxyz019 ,\"\n\r.-é€";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
