namespace Pipeline.Ml.Profiles;

/// <summary>
/// A bounded summary of a stream of numbers. Up to <see cref="Capacity"/> values it keeps every value, so every
/// statistic is exact and computed as on the full list; beyond that it keeps a seeded uniform reservoir sample of
/// <see cref="Capacity"/> values (Li's algorithm L) for order statistics, and exact count, min, max and Welford
/// mean/variance. Memory is at most <see cref="Capacity"/> doubles whatever the row count.
/// </summary>
internal sealed class ValueSample(int seed, int capacity = ValueSample.DefaultCapacity)
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

    private readonly List<double> values = [];
    private readonly Random random = new(seed);
    private double mean;
    private double squares;
    private bool sorted;
    private double weight = 1;
    private long next = long.MaxValue;

    /// <summary>The sample size beyond which order statistics are estimates.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Values seen.</summary>
    public long Count { get; private set; }

    /// <summary>The smallest value seen (NaN when none).</summary>
    public double Min { get; private set; } = double.NaN;

    /// <summary>The largest value seen (NaN when none).</summary>
    public double Max { get; private set; } = double.NaN;

    /// <summary>True while every value seen is kept (statistics are exact).</summary>
    public bool IsExact => Count <= Capacity;

    /// <summary>Adds one value; call before <see cref="Sorted"/>.</summary>
    public void Add(double value)
    {
        Count++;
        Min = Count == 1 || value < Min ? value : Min;
        Max = Count == 1 || value > Max ? value : Max;
        var delta = value - mean;
        mean += delta / Count;
        squares += delta * (value - mean);
        if (values.Count < Capacity)
        {
            values.Add(value);
            if (values.Count == Capacity) Skip();
        }
        else if (Count == next)
        {
            values[random.Next(Capacity)] = value;
            Skip();
        }
    }

    // NOTE: algorithm L draws how many values to pass over before the next replacement (geometric, with the weight w
    // shrinking as the stream grows) instead of one random number per value as algorithm R does: a wide table of
    // many rows sees billions of values beyond the samples' capacity, and this draws a few per kept value.
    private void Skip()
    {
        weight *= Math.Exp(Math.Log(Uniform()) / Capacity);
        var skip = Math.Floor(Math.Log(Uniform()) / Math.Log(1 - weight));
        next = double.IsFinite(skip) && skip < long.MaxValue / 2 ? Count + (long)skip + 1 : long.MaxValue;
    }

    /// <summary>A uniform number in (0, 1].</summary>
    private double Uniform() => 1 - random.NextDouble();

    /// <summary>The kept values, sorted (all values when <see cref="IsExact"/>); ends the stream.</summary>
    public List<double> Sorted()
    {
        if (!sorted) values.Sort();
        sorted = true;
        return values;
    }

    /// <summary>
    /// The mean and population standard deviation: over the sorted values as <see cref="Quantiles.Moments"/> when
    /// exact (so small data gives the same bits as before sampling existed), else Welford's streaming estimates.
    /// </summary>
    public (double Mean, double Std) Moments() =>
        IsExact ? Quantiles.Moments(Sorted()) : (mean, Math.Sqrt(squares / Count));

    /// <summary>The <paramref name="p"/>-quantile of the kept values (NaN when none).</summary>
    public double Quantile(double p) => Quantiles.Of(Sorted(), p);
}
