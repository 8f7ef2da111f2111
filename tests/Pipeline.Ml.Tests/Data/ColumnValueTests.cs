using System.Globalization;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public sealed class ColumnValueTests
{
    // NOTE: TryNumber converts plain decimals itself (Clinger's fast path) and hands everything else to double.TryParse;
    // both must give the same double, bit for bit, and reject the same text.
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+7")]
    [InlineData("12.5")]
    [InlineData("-.5")]
    [InlineData("5.")]
    [InlineData("0.1")]
    [InlineData("0.30000000000000004")]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456789")]
    [InlineData("0.0000000000000000000000001")]
    [InlineData("00012.3400")]
    [InlineData("9007199254740993")]
    [InlineData("1e5")]
    [InlineData(" 3")]
    [InlineData("1,000")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void TryNumber_AnyText_SameResultAsDoubleTryParse(string text) => AssertSame(text);

    [Fact]
    public void TryNumber_RandomDecimals_SameBitsAsDoubleTryParse()
    {
        var random = new Random(17);
        for (var i = 0; i < 100_000; i++)
        {
            var digits = random.Next(1, 18);
            var all = random.NextInt64(long.MaxValue).ToString(CultureInfo.InvariantCulture);
            var text = all[..Math.Min(digits, all.Length)];
            var point = random.Next(text.Length + 1);
            AssertSame((random.Next(2) == 0 ? "-" : "") + text[..point] + "." + text[point..]);
            AssertSame(text);
        }
    }

    private static void AssertSame(string text)
    {
        var expected = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed);
        Assert.Equal(expected, ColumnValue.TryNumber(text, out var actual));
        if (expected) Assert.Equal(BitConverter.DoubleToInt64Bits(parsed), BitConverter.DoubleToInt64Bits(actual));
    }
}
