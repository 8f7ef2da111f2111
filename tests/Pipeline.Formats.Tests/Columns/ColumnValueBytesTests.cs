using System.Globalization;
using System.Text;
using Pipeline.Formats.Columns;

namespace Pipeline.Formats.Tests.Columns;

/// <summary>
/// Readers that parse a file's bytes (<see cref="Csv.CsvNumberRanges"/>) must read the number the character path reads:
/// <see cref="ColumnValue.TryNumber(ReadOnlySpan{byte}, out double)"/> against <see cref="ColumnValue.TryNumber(ReadOnlySpan{char}, out double)"/>
/// and double.TryParse, bit for bit, on plain decimals, every other form and non-ASCII text.
/// </summary>
public sealed class ColumnValueBytesTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+7")]
    [InlineData("12.5")]
    [InlineData("-.5")]
    [InlineData("5.")]
    [InlineData("0.30000000000000004")]
    [InlineData("1234567890123456789")]
    [InlineData("0.0000000000000000000000001")]
    [InlineData("9007199254740993")]
    [InlineData("1e5")]
    [InlineData(" 3")]
    [InlineData("3 ")]
    [InlineData("1,000")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("12é")]
    [InlineData("١٢")]
    [InlineData("\u00a012")]
    public void TryNumber_Utf8_SameAsCharacters(string text) => AssertSame(text);

    [Fact]
    public void TryNumber_Utf8RandomDecimals_SameBitsAsCharacters()
    {
        var random = new Random(23);
        for (var i = 0; i < 50_000; i++)
        {
            var all = random.NextInt64(long.MaxValue).ToString(CultureInfo.InvariantCulture);
            var text = all[..Math.Min(random.Next(1, 19), all.Length)];
            var point = random.Next(text.Length + 1);
            AssertSame((random.Next(2) == 0 ? "-" : "") + text[..point] + "." + text[point..]);
            AssertSame(text + new string('0', random.Next(70)));
        }
    }

    private static void AssertSame(string text)
    {
        var expected = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed);
        Assert.Equal(expected, ColumnValue.TryNumber(text.AsSpan(), out _));
        Assert.Equal(expected, ColumnValue.TryNumber(Encoding.UTF8.GetBytes(text).AsSpan(), out var actual));
        if (expected) Assert.Equal(BitConverter.DoubleToInt64Bits(parsed), BitConverter.DoubleToInt64Bits(actual));
    }
}
