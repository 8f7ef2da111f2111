using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests.Statistics;

public sealed class RadixSortTests
{
    [Fact]
    public void Sort_MixedSignsInfinitiesAndTies_SameOrderAsArraySort()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 20_000)
            .Select(i => (i % 5) switch
            {
                0 => Math.Round(random.NextDouble() * 10 - 5, 1),
                1 => random.NextDouble() * 1e300 * (random.Next(2) == 0 ? -1 : 1),
                2 => i % 3 == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                3 => double.Epsilon * random.Next(-3, 4),
                _ => random.NextDouble() - 0.5,
            })
            .ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }
}
