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
    [InlineData("-0")]
    [InlineData("+.25")]
    [InlineData("42.")]
    [InlineData("12345678901234567")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("1E-3")]
    [InlineData("7 ")]
    [InlineData("0x10")]
    [InlineData("--1")]
    [InlineData("")]
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
            var whole = random.NextInt64((long)Math.Pow(10, random.Next(0, 12)));
            var fraction = random.NextInt64((long)Math.Pow(10, random.Next(0, 12))).ToString(CultureInfo.InvariantCulture).PadLeft(random.Next(1, 14), '0');
            var sign = random.Next(3) switch { 0 => "-", 1 => "+", _ => "" };
            AssertSame(string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{fraction}"));
            AssertSame(whole.ToString(CultureInfo.InvariantCulture) + new string('0', random.Next(70)));
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
