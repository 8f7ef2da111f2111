using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Tests.Profiles;

public sealed class BottomKTests
{
    [Fact]
    public void Offer_AnyOrderOrRangesMerged_KeepsTheSmallestKeys()
    {
        var rows = Enumerable.Range(0, 50_000).ToList();
        var expected = rows.OrderBy(r => BottomK<int>.Key(7, r)).Take(1_000).Order().ToList();

        var inOrder = Kept(rows);
        var shuffled = rows.ToArray();
        new Random(3).Shuffle(shuffled);
        // NOTE: ranges sampled apart, then their kept items offered to one sample (the merge TrainSummary does).
        var merged = new BottomK<int>(1_000);
        foreach (var range in rows.Chunk(7_777))
            foreach (var r in Kept(range)) merged.Offer(BottomK<int>.Key(7, r), r);

        Assert.Equal(expected, inOrder);
        Assert.Equal(expected, Kept(shuffled));
        Assert.Equal(expected, merged.Kept().ToArray().Order());
    }

    [Fact]
    public void Threshold_AfterACut_IsAboveEveryKeptKeyAndBelowEveryCutOne()
    {
        var sample = new BottomK<int>(100);
        for (var r = 0; r < 10_000; r++) sample.Offer(BottomK<int>.Key(1, r), r);

        var kept = sample.Kept().ToArray();
        var keys = Enumerable.Range(0, 10_000).Select(r => BottomK<int>.Key(1, r)).Order().ToList();

        Assert.Equal(100, kept.Length);
        Assert.All(kept, r => Assert.True(BottomK<int>.Key(1, r) < sample.Threshold));
        Assert.True(sample.Threshold <= keys[100]);
    }

    private static List<int> Kept(IEnumerable<int> rows)
    {
        var sample = new BottomK<int>(1_000);
        foreach (var r in rows) sample.Offer(BottomK<int>.Key(7, r), r);
        return [.. sample.Kept().ToArray().Order()];
    }
}
