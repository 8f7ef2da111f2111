using System.Text;
using Pipeline.Ml.Data;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Tests.Data;

public sealed class OutputFormatTests
{
    [Theory]
    [InlineData(0.1234567, "0.123457", "0.123457")]
    [InlineData(-0.0000001, "0", "0")]
    [InlineData(2.0, "2", "2")]
    [InlineData(double.NaN, "n/a", "")]
    public void RoundedNumber_Value_TextAndCsvRoundToSixDecimalsWithoutNegativeZero(double value, string text, string csv)
    {
        Assert.Equal(text, RoundedNumber.Text(value));
        Assert.Equal(csv, RoundedNumber.Csv(value));
    }

    [Fact]
    public void JsonLayout_MetricDocument_TwoSpaceIndentLfAndRoundedNumbersOrNull()
    {
        var bytes = JsonLayout.Bytes(json =>
        {
            json.WriteStartObject();
            JsonLayout.Number(json, "auc", RoundedNumber.Value(0.98765432));
            JsonLayout.Number(json, "r2", RoundedNumber.Value(double.NaN));
            json.WriteEndObject();
        });

        Assert.Equal("{\n  \"auc\": 0.987654,\n  \"r2\": null\n}\n", Encoding.UTF8.GetString(bytes));
        Assert.NotEqual(0xEF, bytes[0]);
    }
}
