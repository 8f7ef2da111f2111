using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>
/// The state behind <see cref="NumericStatistics"/>: a sample per numeric input (its column's, shared with the profile,
/// seen rounded to float; or a derived feature's own) and, for the mode, value counts. <see cref="TrainSummary"/> adds
/// the train rows to it (batches summarised on every core, merged in row order).
/// </summary>
internal sealed class NumericStatisticsBuilder
{
    private readonly IReadOnlyList<string> numeric;
    private readonly int[] columns;
    private readonly ValueSample[] values;
    private readonly ValueCounts?[] counts;
    private long rows;

    /// <summary>
    /// Summarises the <paramref name="numeric"/> columns of <paramref name="schema"/> plus the <paramref name="derived"/>
    /// features; the mode only when <paramref name="mode"/> (most_frequent imputation), else it is NaN. A numeric column's
    /// sample comes from <paramref name="shared"/> (given its position and this builder's capacity).
    /// </summary>
    public NumericStatisticsBuilder(DatasetSchema schema, IReadOnlyList<string> numeric, IReadOnlyList<DerivedFeature> derived, bool mode, Func<int, int, ValueSample> shared)
    {
        this.numeric = numeric;
        Derived = derived;
        Mode = mode;
        var positions = schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        columns = [.. numeric.Select(n => positions[n])];
        var inputs = numeric.Count + derived.Count;
        Capacity = ValueSample.CapacityFor(inputs);
        values = [.. columns.Select(p => shared(p, Capacity)), .. derived.Select((_, d) => new ValueSample(numeric.Count + d, Capacity))];
        MaxDistinct = ValueCounts.MaxDistinctFor(inputs);
        counts = [.. values.Select(_ => mode ? new ValueCounts(MaxDistinct) : null)];
        var numericIndex = numeric.Select((n, i) => (n, i)).ToDictionary(n => n.n, n => n.i, StringComparer.Ordinal);
        DerivedInputs = [.. derived.Select(d => d.Inputs.Select(i => columns[numericIndex[i]]).ToArray())];
    }

    /// <summary>The sample size of each input.</summary>
    public int Capacity { get; }

    /// <summary>True when the mode is counted.</summary>
    public bool Mode { get; }

    /// <summary>Distinct values counted per input for the mode.</summary>
    public int MaxDistinct { get; }

    /// <summary>The field positions of the numeric columns read (schema column order).</summary>
    public IReadOnlyList<int> Positions => columns;

    /// <summary>The derived features, after the numeric columns.</summary>
    public IReadOnlyList<DerivedFeature> Derived { get; }

    /// <summary>The field positions of each derived feature's inputs.</summary>
    public IReadOnlyList<int[]> DerivedInputs { get; }

    /// <summary>The sample of input <paramref name="i"/> (numeric columns in <see cref="Positions"/> order, then derived features).</summary>
    public ValueSample Sample(int i) => values[i];

    /// <summary>Counts <paramref name="count"/> train rows more.</summary>
    public void AddRows(long count) => rows += count;

    /// <summary>Adds value counts of some rows, one per input (sums: the order does not matter).</summary>
    public void AddCounts(ValueCounts?[] part)
    {
        for (var i = 0; i < counts.Length; i++)
            if (part[i] is { } c) counts[i]!.Merge(c);
    }

    /// <summary>The statistics of every input, numeric columns first, then derived features.</summary>
    public IReadOnlyList<NumericStatistics> Build() =>
        [.. values.Select((sample, i) => NumericStatistics.Summarise(i < numeric.Count ? numeric[i] : Derived[i - numeric.Count].Name, rows, sample, counts[i]))];
}
