using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Tests.Drift;

/// <summary>An hour-of-day column drifts on the circle: 23 and 0 are neighbours.</summary>
public sealed class CyclicDriftTests
{
    // NOTE: the card source's daytime weights for hours 6..23 (CardTransactionGenerator), night hours 0..5 uniform.
    private static readonly double[] DayHourWeights = [1, 2, 3, 4, 5, 6, 6, 6, 5, 5, 6, 7, 8, 8, 7, 5, 4, 3];

    /// <summary>Hours of transactions as the card source draws them, with <paramref name="nightShare"/> between 00:00 and 05:59.</summary>
    private static double?[] CardHours(int count, double nightShare, int seed)
    {
        var random = new Random(seed);
        var total = DayHourWeights.Sum();
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            if (random.NextDouble() < nightShare) return (double?)random.Next(0, 6);
            var u = random.NextDouble() * total;
            var hour = 0;
            while ((u -= DayHourWeights[hour]) >= 0 && hour < DayHourWeights.Length - 1) hour++;
            return 6 + hour;
        })];
    }

    /// <summary>Daytime traffic around 14:00 and a late-night share around <paramref name="nightCentre"/> (hours, may wrap), as whole hours.</summary>
    private static double?[] LateNightHours(int count, double nightCentre, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var time = random.NextDouble() < 0.3 ? nightCentre + Normal() : 14 + 3 * Normal();
            return (double?)Math.Floor(time - 24 * Math.Floor(time / 24));
        })];
    }

    private static ColumnDrift Hour(double?[] reference, double?[] current, DriftOptions? options = null) =>
        new DriftAnalyzer(options).Analyze(
            new DriftDataset([DatasetColumn.Numeric("hour", reference)]), new DriftDataset([DatasetColumn.Numeric("hour", current)])).Columns.Single();

    [Fact]
    public void Analyze_NightTrafficMovesAcrossMidnight_NoDrift()
    {
        // Half an hour later: much of the late traffic moves from 23 to 0, a step of one hour on the clock.
        var column = Hour(LateNightHours(5000, 23.75, 1), LateNightHours(1000, 24.25, 2));

        Assert.Equal(24, column.Period);
        Assert.Equal(DriftMethod.Wasserstein, column.Method);
        Assert.False(column.Drift, $"normalised Wasserstein {column.Statistic} >= {column.Threshold}");
    }

    [Fact]
    public void Analyze_SameMoveReadAsALine_WouldDrift()
    {
        // The same data with the hour declared not cyclic: 23 -> 0 counts as 23 hours, the false alarm this avoids.
        var options = new DriftOptions { Columns = new Dictionary<string, ColumnDriftOptions> { ["hour"] = new() { Period = 0 } } };
        var column = Hour(LateNightHours(5000, 23.75, 1), LateNightHours(1000, 24.25, 2), options);

        Assert.Null(column.Period);
        Assert.True(column.Drift, $"normalised Wasserstein {column.Statistic} < {column.Threshold}");
    }

    [Fact]
    public void Analyze_DayTrafficMovesToTheNight_Drifts()
    {
        // Simulate's drift: the night share rises from 0.08 to 0.3.
        var column = Hour(CardHours(5000, 0.08, 1), CardHours(1000, 0.3, 2));

        Assert.Equal(24, column.Period);
        Assert.True(column.Drift, $"normalised Wasserstein {column.Statistic} < {column.Threshold}");
    }

    [Fact]
    public void Analyze_SameCardHours_NoDrift()
    {
        var column = Hour(CardHours(5000, 0.08, 1), CardHours(1000, 0.08, 2));

        Assert.Equal(24, column.Period);
        Assert.False(column.Drift, $"normalised Wasserstein {column.Statistic} >= {column.Threshold}");
    }

    [Fact]
    public void Analyze_SmallReference_KsOnTheCircle()
    {
        var column = Hour(LateNightHours(800, 23.75, 1), LateNightHours(800, 23.75, 2));

        Assert.Equal(DriftMethod.Ks, column.Method);
        Assert.Equal(24, column.Period);
        Assert.False(column.Drift);
    }

    [Theory]
    [InlineData(new double[] { 22, 23, 0, 1, 23, 0 }, 24, 11.5)]
    [InlineData(new double[] { 8, 9, 10, 20 }, 24, 2)]
    public void Cut_FallsWhereTheReferenceIsThinnest(double[] values, double period, double expected)
    {
        var sorted = values.Order().ToArray();
        Assert.Equal(expected, CyclicValues.Cut(sorted, period));
    }

    [Fact]
    public void Unwrap_MovesValuesPastTheCut()
    {
        Assert.Equal([3, 8, 22, 23, 24, 25], CyclicValues.Unwrap([0, 1, 3, 8, 22, 23], 24, 2));
    }
}
