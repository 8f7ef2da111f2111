using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests;

/// <summary>Pins the fast paths the drift benchmark introduced against the straightforward computations.</summary>
public sealed class SortedPathTests
{
    private static double?[] Sample(int seed, int n)
    {
        var random = new Random(seed);
        var values = new double?[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = (i % 97) switch
            {
                0 => null,
                1 => double.PositiveInfinity,
                2 => double.NegativeInfinity,
                3 => 42.0,
                _ => Math.Round((random.NextDouble() - 0.3) * 1e4, random.Next(0, 6)),
            };
        }
        return values;
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1_000)]
    [InlineData(3, 100_000)]
    public void SortedPresent_EqualsArraySortOfTheNonNullValues(int seed, int n)
    {
        var values = Sample(seed, n);
        var expected = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        Array.Sort(expected);

        Assert.Equal(expected, RadixSort.SortedPresent(values));
    }

    [Theory]
    [InlineData(4, 50, 70)]
    [InlineData(5, 5_000, 3_000)]
    public void Distance_UnweightedMergeWalk_SameBitsAsTheWeightedMergedArrayWalk(int seed, int nu, int nv)
    {
        var random = new Random(seed);
        var u = Enumerable.Range(0, nu).Select(_ => Math.Round(random.NextDouble() * 10, 2)).ToArray();
        var v = Enumerable.Range(0, nv).Select(_ => Math.Round(random.NextDouble() * 12 - 1, 2)).ToArray();

        var fast = Wasserstein.Distance(u, v);
        var reference = Wasserstein.Distance(u, v, Enumerable.Repeat(1.0, nu).ToArray(), Enumerable.Repeat(1.0, nv).ToArray());

        Assert.Equal(BitConverter.DoubleToInt64Bits(reference), BitConverter.DoubleToInt64Bits(fast));
    }
}
