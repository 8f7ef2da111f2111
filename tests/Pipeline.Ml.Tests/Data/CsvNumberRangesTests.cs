using System.Globalization;
using System.Text;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Tests.Data;

/// <summary>
/// The byte-range number reader against the row reader: the same numbers (bit for bit) in the same rows whatever the
/// range count, and false (so the caller falls back to the row reader) where a quote makes line-cut ranges unsafe.
/// </summary>
public sealed class CsvNumberRangesTests
{
    private static readonly string[] Values =
        ["", "1", "-2.5", "+3.25", "1e5", "-0", "0.1", "12345678901234567890", "1.7976931348623157E+308", "abc", "é1", "12a", "NaN", "Infinity", "-", ".5", "5."];

    private static string Table(int rows, bool finalNewline)
    {
        var random = new Random(11);
        var csv = new StringBuilder("id,a,b,c,d\n");
        for (var r = 0; r < rows; r++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r}");
            for (var c = 0; c < 4; c++) csv.Append(',').Append(c == 3 ? random.NextDouble().ToString("R", CultureInfo.InvariantCulture) : Values[random.Next(Values.Length)]);
            if (r < rows - 1 || finalNewline) csv.Append('\n');
        }
        return csv.ToString();
    }

    private static List<double[]> ViaRowReader(string path, int[] columns)
    {
        using var reader = new CsvSnapshotReader(path);
        return [.. reader.ReadRows().Select(f => columns.Select(p => f[p] is { } t && ColumnValue.TryNumber(t, out var v) ? v : double.NaN).ToArray())];
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(7, false)]
    public void Read_AnyRangeCount_GivesTheRowReadersNumbersInOrder(int ranges, bool finalNewline)
    {
        using var dir = new TestDirectory();
        var path = dir.Path("t.csv");
        File.WriteAllText(path, Table(5_000, finalNewline), new UTF8Encoding(false));
        int[] columns = [1, 2, 4];

        var offsets = CsvNumberRanges.Split(path, ranges);
        var rows = new List<double[]>();
        for (var r = 0; r + 1 < offsets.Count; r++)
            Assert.True(CsvNumberRanges.Read(path, offsets[r], offsets[r + 1], 5, columns, new double[3], row => rows.Add((double[])row.Clone())));

        Assert.Equal(ranges, offsets.Count - 1);
        var expected = ViaRowReader(path, columns);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Select(BitConverter.DoubleToInt64Bits), rows[i].Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData("1,\"2\",3\n")]
    [InlineData("1,2,3\r\n")]
    [InlineData("1,2\n")]
    public void Read_QuoteCarriageReturnOrWrongWidth_ReportsFalse(string line)
    {
        using var dir = new TestDirectory();
        var path = dir.Path("q.csv");
        File.WriteAllText(path, "a,b,c\n4,5,6\n" + line, new UTF8Encoding(false));

        var offsets = CsvNumberRanges.Split(path, 1);

        Assert.False(CsvNumberRanges.Read(path, offsets[0], offsets[1], 3, [0, 2], new double[2], _ => { }));
    }
}
