namespace Pipeline.Ml.Profiles;

/// <summary>
/// A bounded summary of a column of numbers. Up to <see cref="Capacity"/> values it keeps every value, so every
/// statistic is exact and computed as on the full list; beyond that it keeps the <see cref="Capacity"/> values whose
/// rows have the smallest seeded hash (<see cref="BottomK{T}"/>: a uniform sample that row ranges summarised apart merge
/// into exactly) for order statistics, and exact count, min, max, mean and variance. Memory is at most 1.25 ×
/// <see cref="Capacity"/> values and keys whatever the row count. With <c>floats</c> it also answers for the values
/// rounded to float (<see cref="Floats"/>), as the train statistics see them, from the same kept rows.
/// </summary>
internal sealed class ValueSample(int seed, int capacity = ValueSample.DefaultCapacity, bool floats = false)
{
    /// <summary>The default sample size: 100,000 values (800 KB); smaller data is summarised exactly.</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>Values the samples of one table hold together at most (4,000,000: 32 MB), so a wide table stays bounded.</summary>
    public const int TableBudget = 4_000_000;

    /// <summary>
    /// The capacity of each of <paramref name="columns"/> samples taken together: <see cref="DefaultCapacity"/> up to 40
    /// columns, then <see cref="TableBudget"/> shared between them, never below 1,000.
    /// </summary>
    public static int CapacityFor(int columns) => Math.Clamp(TableBudget / Math.Max(1, columns), 1_000, DefaultCapacity);

    private BottomK<double> kept = new(capacity);
    private SampleMoments moments = new() { Min = double.NaN, Max = double.NaN };
    private SampleMoments floatMoments = new() { Min = double.NaN, Max = double.NaN };
    private List<double>? sorted;
    private List<double>? sortedFloats;
    private long added;

    /// <summary>The seed of the row keys <see cref="Add"/> uses.</summary>
    public int Seed { get; } = seed;

    /// <summary>The sample size beyond which order statistics are estimates.</summary>
    public int Capacity => kept.Capacity;

    /// <summary>True when <see cref="Floats"/> is kept.</summary>
    public bool HasFloats { get; private set; } = floats;

    /// <summary>
    /// Raises the capacity to at least <paramref name="capacity"/> and keeps the float view too when <paramref name="floats"/>
    /// (one sample serving the statistics and the profile); only before any value is added.
    /// </summary>
    public void Reserve(int capacity, bool floats)
    {
        if (moments.Count > 0 || kept.Count > 0) throw new InvalidOperationException("A sample is reserved before values are added.");
        if (capacity > kept.Capacity) kept = new BottomK<double>(capacity);
        HasFloats |= floats;
    }

    /// <summary>Values seen.</summary>
    public long Count => moments.Count;

    /// <summary>The smallest value seen (NaN when none).</summary>
    public double Min => moments.Min;

    /// <summary>The largest value seen (NaN when none).</summary>
    public double Max => moments.Max;

    /// <summary>True while every value seen is kept (statistics are exact).</summary>
    public bool IsExact => Count <= Capacity;

    /// <summary>Values whose row key is at or above this are not kept (see <see cref="BottomK{T}.Threshold"/>).</summary>
    public ulong Threshold => kept.Threshold;

    /// <summary>Adds one value, the next row's (its key from <see cref="Seed"/> and the values added before).</summary>
    public void Add(double value)
    {
        Span<double> one = [value];
        Merge(SampleMoments.Of(one, floats: false), HasFloats ? SampleMoments.Of(one, floats: true) : default);
        Offer(BottomK<double>.Key(Seed, added++), value);
    }

    /// <summary>Offers a value with its row's key (the moments are merged apart, with <see cref="Merge"/>).</summary>
    public void Offer(ulong key, double value) => kept.Offer(key, value);

    /// <summary>Adds the moments of the next batch of rows (of the values, and of them rounded to float when <see cref="HasFloats"/>).</summary>
    public void Merge(in SampleMoments values, in SampleMoments rounded)
    {
        moments.Merge(values);
        if (HasFloats) floatMoments.Merge(rounded);
    }

    /// <summary>The kept values, sorted (all values when <see cref="IsExact"/>); ends the stream.</summary>
    public List<double> Sorted()
    {
        if (sorted is null)
        {
            sorted = [.. kept.Kept()];
            sorted.Sort();
        }
        return sorted;
    }

    /// <summary>
    /// The mean and population standard deviation: over the sorted values as <see cref="Quantiles.Moments"/> when
    /// exact (so small data gives the same bits as before sampling existed), else the exact streaming ones.
    /// </summary>
    public (double Mean, double Std) Moments() =>
        IsExact ? Quantiles.Moments(Sorted()) : (moments.Mean, Math.Sqrt(moments.Squares / Count));

    /// <summary>The <paramref name="p"/>-quantile of the kept values (NaN when none).</summary>
    public double Quantile(double p) => Quantiles.Of(Sorted(), p);

    /// <summary>The same summary of the values rounded to float (needs <see cref="HasFloats"/>).</summary>
    public FloatView Floats => new(this);

    /// <summary>A <see cref="ValueSample"/> seen through float rounding: the kept rows are the same.</summary>
    internal readonly struct FloatView(ValueSample sample)
    {
        /// <summary>The kept values rounded to float, sorted.</summary>
        public List<double> Sorted() => sample.sortedFloats ??= [.. sample.Sorted().Select(v => (double)(float)v)];

        /// <summary>As <see cref="ValueSample.Moments"/>, of the rounded values.</summary>
        public (double Mean, double Std) Moments() =>
            sample.IsExact ? Quantiles.Moments(Sorted()) : (sample.floatMoments.Mean, Math.Sqrt(sample.floatMoments.Squares / sample.Count));

        /// <summary>The smallest rounded value (NaN when none).</summary>
        public double Min => sample.floatMoments.Min;

        /// <summary>The largest rounded value (NaN when none).</summary>
        public double Max => sample.floatMoments.Max;

        /// <summary>As <see cref="ValueSample.Quantile"/>, of the rounded values.</summary>
        public double Quantile(double p) => Quantiles.Of(Sorted(), p);
    }
}
