using Pipeline.Formats.Columns;

namespace Pipeline.Formats.Tests.Columns;

public sealed class ColumnKindInferenceTests
{
    [Theory]
    [InlineData("true,FALSE,True", ColumnKind.Boolean)]
    [InlineData("0,1,1,0", ColumnKind.Boolean)]
    [InlineData("1,2,3", ColumnKind.Numeric)]
    [InlineData("0,1,2", ColumnKind.Numeric)]
    [InlineData("yes,no,maybe", ColumnKind.Categorical)]
    [InlineData("2024-01-01T10:00:00Z,2024-02-01T11:30:00.5Z", ColumnKind.Date)]
    [InlineData("1.5e3,-2,NaN", ColumnKind.Categorical)]
    [InlineData(", ,", ColumnKind.Categorical)]
    public void InferKind_SmallColumns_ExpectedKind(string values, ColumnKind expected) =>
        Assert.Equal(expected, ColumnKindInference.InferKind(values.Split(',')));

    [Fact]
    public void InferKind_ManyDistinctShortLabels_IsText()
    {
        var labels = Enumerable.Range(0, 100).Select(i => "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ColumnKind.Text, ColumnKindInference.InferKind(labels));
    }

    [Theory]
    [InlineData("1", "true")]
    [InlineData("No", "false")]
    [InlineData("T", "true")]
    [InlineData("2", null)]
    public void BooleanText_TruthWords_OneSpelling(string value, string? expected) =>
        Assert.Equal(expected, ColumnValue.BooleanText(value));
}
