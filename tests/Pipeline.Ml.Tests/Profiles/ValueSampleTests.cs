using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Tests.Profiles;

public sealed class ValueSampleTests
{
    [Fact]
    public void Add_WithinCapacity_StatisticsEqualTheFullList()
    {
        var values = new List<double> { 5, 1, 4, 2, 3 };
        var sample = new ValueSample(seed: 1, capacity: 5);
        foreach (var v in values) sample.Add(v);

        Assert.True(sample.IsExact);
        values.Sort();
        Assert.Equal(Quantiles.Moments(values), sample.Moments());
        Assert.Equal(Quantiles.Of(values, 0.25), sample.Quantile(0.25));
        Assert.Equal((1.0, 5.0), (sample.Min, sample.Max));
    }

    [Fact]
    public void Add_BeyondCapacity_KeepsCapacityValuesExactExtremesAndSeededEstimates()
    {
        ValueSample Fill(int seed)
        {
            var s = new ValueSample(seed, capacity: 1_000);
            for (var i = 0; i < 20_000; i++) s.Add(i % 2_000);
            return s;
        }

        var a = Fill(1);

        Assert.False(a.IsExact);
        Assert.Equal(1_000, a.Sorted().Count);
        Assert.Equal((0.0, 1_999.0, 20_000L), (a.Min, a.Max, a.Count));
        Assert.Equal(999.5, a.Moments().Mean, 6);
        Assert.Equal(577.35, a.Moments().Std, 1);
        Assert.InRange(a.Quantile(0.5), 900, 1_100);
        Assert.Equal(a.Sorted(), Fill(1).Sorted());
        Assert.NotEqual(a.Sorted(), Fill(2).Sorted());
    }

    [Fact]
    public void Add_ManyTimesCapacity_SampleIsUniformOverTheWholeStream()
    {
        var sample = new ValueSample(seed: 3, capacity: 1_000);
        for (var i = 0; i < 1_000_000; i++) sample.Add(i);

        var kept = sample.Sorted();
        Assert.Equal(1_000, kept.Count);
        Assert.Equal(1_000, kept.Distinct().Count());
        Assert.InRange(sample.Quantile(0.25), 200_000, 300_000);
        Assert.InRange(sample.Quantile(0.5), 450_000, 550_000);
        Assert.InRange(sample.Quantile(0.75), 700_000, 800_000);
        Assert.True(kept[^1] > 990_000, "values late in the stream are kept");
    }

    [Theory]
    [InlineData(1, ValueSample.DefaultCapacity)]
    [InlineData(40, ValueSample.DefaultCapacity)]
    [InlineData(400, 10_000)]
    [InlineData(10_000, 1_000)]
    public void CapacityFor_WideTables_SharesOneBudget(int columns, int capacity) =>
        Assert.Equal(capacity, ValueSample.CapacityFor(columns));

    [Fact]
    public void Merge_BatchesInRowOrder_SameSampleAndMomentsAsOneValueAtATime()
    {
        var values = Enumerable.Range(0, 30_000).Select(i => Math.Sin(i) * 1_000 + i * 0.01).ToArray();
        var single = new ValueSample(seed: 0, capacity: 1_000);
        foreach (var v in values) single.Add(v);
        var batched = new ValueSample(seed: 0, capacity: 1_000);
        for (var first = 0; first < values.Length; first += 333)
        {
            var batch = values.AsSpan(first, Math.Min(333, values.Length - first));
            batched.Merge(SampleMoments.Of(batch, floats: false), default);
            for (var r = 0; r < batch.Length; r++) batched.Offer(BottomK<double>.Key(0, first + r), batch[r]);
        }

        Assert.Equal(single.Sorted(), batched.Sorted());
        Assert.Equal((single.Min, single.Max, single.Count), (batched.Min, batched.Max, batched.Count));
        Assert.Equal(values.Average(), batched.Moments().Mean, 9);
        Assert.Equal(single.Moments().Std, batched.Moments().Std, 9);
    }

    [Fact]
    public void Floats_ViewOfTheSameRows_IsTheValuesRoundedToFloat()
    {
        var sample = new ValueSample(seed: 0, capacity: 10, floats: true);
        double[] values = [0.1, 0.2, 0.30000000000000004, 1e-9, 7.7];
        sample.Merge(SampleMoments.Of(values, floats: false), SampleMoments.Of(values, floats: true));
        for (var r = 0; r < values.Length; r++) sample.Offer(BottomK<double>.Key(0, r), values[r]);

        var rounded = values.Select(v => (double)(float)v).Order().ToList();
        Assert.Equal(rounded, sample.Floats.Sorted());
        Assert.Equal(Quantiles.Moments(rounded), sample.Floats.Moments());
        Assert.Equal(((double)(float)1e-9, (double)(float)7.7), (sample.Floats.Min, sample.Floats.Max));
    }
}
