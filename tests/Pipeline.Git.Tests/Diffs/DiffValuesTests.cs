using Pipeline.Git.Diffs;

namespace Pipeline.Git.Tests.Diffs;

public sealed class DiffValuesTests
{
    [Theory]
    [InlineData(0.0050000000000000044, 5, "0.005")]
    [InlineData(0.123456789, 5, "0.12346")]
    [InlineData(0.015625, 5, "0.01562")]
    [InlineData(2.675, 2, "2.67")]
    [InlineData(-0.000001, 5, "-0.0")]
    [InlineData(0.19999999999999998, 5, "0.2")]
    [InlineData(2.5, 0, "2.0")]
    [InlineData(3.5, 0, "4.0")]
    public void PythonRound_MatchesPythonRound(double value, int digits, string expected) =>
        Assert.Equal(expected, PythonRepr.Float(DiffTable.PythonRound(value, digits)));

    [Fact]
    public void Repr_NestedList_MatchesPythonStr()
    {
        var value = JsonTree.Parse("[1, \"a\", true, null, 0.1, {\"k\": \"it's\"}]");
        Assert.Equal("[1, 'a', True, None, 0.1, {'k': \"it's\"}]", PythonRepr.Str(value));
    }

    [Fact]
    public void PythonEquals_IntAndFloatAndBool_CompareByValue()
    {
        Assert.True(DiffValues.PythonEquals(1L, 1.0));
        Assert.True(DiffValues.PythonEquals(true, 1L));
        Assert.False(DiffValues.PythonEquals("1", 1L));
        Assert.Equal(20L, DiffValues.Subtract(120L, 100L));
        Assert.Null(DiffValues.Subtract("b", "a"));
    }
}
