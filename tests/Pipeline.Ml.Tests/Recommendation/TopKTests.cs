using Pipeline.Ml.Recommendation;

namespace Pipeline.Ml.Tests.Recommendation;

public sealed class TopKTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(2000)]
    public void Select_MatchesAFullSort_WithTiesByIndexAndNaNLeftOut(int k)
    {
        // NOTE: few distinct values, so ties are everywhere; every fifth entry is NaN (a seen or excluded item).
        var random = new Random(5);
        var scores = Enumerable.Range(0, 1000).Select(i => i % 5 == 0 ? double.NaN : random.Next(20) / 4.0).ToArray();

        var top = TopK.Select(scores, k);

        var expected = scores.Select((s, i) => (Item: i, Score: s)).Where(p => !double.IsNaN(p.Score))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Item).Take(k).ToList();
        Assert.Equal(expected, top);
    }

    [Fact]
    public void Select_EmptyOrAllNaN_IsEmpty()
    {
        Assert.Empty(TopK.Select([], 10));
        Assert.Empty(TopK.Select([double.NaN, double.NaN], 10));
    }

    [Fact]
    public void ScoreVectors_AreBitIdenticalToTheScalarLoops()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 37).Select(_ => random.NextDouble() - 0.5).ToArray();
        var y = Enumerable.Range(0, 37).Select(_ => random.NextDouble() - 0.5).ToArray();
        var a = random.NextDouble();
        var scalar = y.Select((v, i) => v + (a * x[i])).ToArray();
        var sum = y.Select((v, i) => v + x[i]).ToArray();

        var vector = (double[])y.Clone();
        ScoreVectors.MultiplyAdd(a, x, vector);
        var added = (double[])y.Clone();
        ScoreVectors.Add(x, added);

        Assert.Equal(scalar, vector);
        Assert.Equal(sum, added);
        var itemMajor = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
        Assert.Equal([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11], ScoreVectors.ByFactor(itemMajor, 3));
    }
}
