using Pipeline.Formats.Columns;

namespace Pipeline.Formats.Tests.Columns;

public sealed class CyclicPeriodTests
{
    [Theory]
    [InlineData("hour", 0, 23, 24.0)]
    [InlineData("HourOfDay", 0, 23, 24.0)]
    [InlineData("login_hour", 0, 23.5, 24.0)]
    [InlineData("day_of_week", 0, 6, 7.0)]
    [InlineData("weekday", 1, 7, 7.0)]
    [InlineData("birth-month", 1, 12, 12.0)]
    [InlineData("minute", 0, 59, 60.0)]
    [InlineData("hour", 0, 500, null)]
    [InlineData("hours_since_signup", 0, 20, null)]
    [InlineData("amount", 0, 23, null)]
    [InlineData("month", 3, 3, null)]
    public void Of_NameAndRange_DecideThePeriod(string name, double min, double max, double? expected) =>
        Assert.Equal(expected, CyclicPeriod.Of(name, min, max));
}
