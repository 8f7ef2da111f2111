using System.Runtime.InteropServices;
using Pipeline.Formats.Profiles;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Profiles;

/// <summary>
/// Computes a <see cref="ReferenceProfile"/> from a CSV in schema column order with bounded memory: numeric values and
/// text lengths go through a <see cref="ValueSample"/> (exact up to <see cref="ValueSample.CapacityFor"/> values,
/// <see cref="ValueSample.DefaultCapacity"/> unless the table is wide, so small data profiles as before; beyond that quantiles are estimated from a seeded uniform sample and
/// mean/std are exact). Histograms stay exact: when a column outgrows its sample a second pass bins every value. The
/// rows are added by <see cref="Features.TrainSummary"/> (batches summarised on every core, merged in row order).
/// </summary>
internal sealed class ProfileBuilder
{
    private readonly DatasetSchema schema;
    private readonly long[] nulls;
    private readonly ColumnKind[] kinds;
    private readonly ValueSample?[] numbers;
    private readonly Dictionary<string, long>[] categories;
    private readonly int[] index;
    private readonly RowSample sample;
    private long rows;

    /// <summary>
    /// Profiles rows whose fields follow <paramref name="header"/>, in <paramref name="schema"/>'s column order; the sample of
    /// a numeric column comes from <paramref name="shared"/> (given its header position and this profile's capacity).
    /// </summary>
    public ProfileBuilder(DatasetSchema schema, IReadOnlyList<string> header, Func<int, int, ValueSample> shared)
    {
        this.schema = schema;
        var columns = schema.Columns;
        nulls = new long[columns.Count];
        kinds = [.. columns.Select(c => KindOf(schema, c))];
        var positions = header.Select((name, i) => (name, i)).GroupBy(h => h.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        index = [.. columns.Select(c => positions.GetValueOrDefault(c.Name, -1))];
        Capacity = ValueSample.CapacityFor(kinds.Count(k => k is ColumnKind.Numeric or ColumnKind.Text));
        numbers = [.. columns.Select((_, i) => kinds[i] switch
        {
            ColumnKind.Numeric when index[i] >= 0 => shared(index[i], Capacity),
            ColumnKind.Numeric or ColumnKind.Text => new ValueSample(i, Capacity),
            _ => null,
        })];
        categories = [.. columns.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        InOrder = index.Length == header.Count && index.Select((p, c) => p == c).All(same => same);
        sample = new RowSample([.. columns.Select(c => c.Name)]);
    }

    /// <summary>One streaming pass collecting numeric values, category counts and text lengths per column (two past the sample size).</summary>
    public static ReferenceProfile Build(string csvPath, DatasetSchema schema, CancellationToken cancellation = default) =>
        Features.TrainSummary.Read(csvPath, schema, [], [], mode: false, profile: true, cancellation).Profile!.Finish(csvPath, cancellation);

    /// <summary>The sample size of each numeric and text column.</summary>
    public int Capacity { get; }

    /// <summary>The header position of each schema column (-1: absent).</summary>
    public IReadOnlyList<int> Index => index;

    /// <summary>The kind each schema column is profiled as.</summary>
    public IReadOnlyList<ColumnKind> Kinds => kinds;

    /// <summary>True when the header's columns are the schema's, in order (a sampled row packs in one copy).</summary>
    public bool InOrder { get; }

    /// <summary>The sample of numeric or text column <paramref name="column"/> (null for other kinds).</summary>
    public ValueSample? Sample(int column) => numbers[column];

    /// <summary>The row sample.</summary>
    public RowSample Rows => sample;

    /// <summary>Counts <paramref name="count"/> rows more.</summary>
    public void AddRows(long count) => rows += count;

    /// <summary>Adds per-column missing counts and category counts (of any rows: sums do not depend on the order).</summary>
    public void AddCounts(long[] missing, Dictionary<string, long>[] counts)
    {
        for (var i = 0; i < nulls.Length; i++) nulls[i] += missing[i];
        for (var i = 0; i < counts.Length; i++)
            foreach (var (value, count) in counts[i]) categories[i][value] = categories[i].GetValueOrDefault(value) + count;
    }

    /// <summary>
    /// The profile of the rows added; <paramref name="csvPath"/> holds the same rows, read again only for the histograms
    /// of columns that outgrew their sample.
    /// </summary>
    public ReferenceProfile Finish(string csvPath, CancellationToken cancellation = default)
    {
        var histograms = Histograms(csvPath, schema, index, numbers, cancellation);
        return new ReferenceProfile(rows, [.. schema.Columns.Select((c, i) => Describe(schema, c, rows, nulls[i], numbers[i], histograms[i], categories[i]))])
        {
            Sample = sample.ToSample(),
        };
    }

    private static ColumnKind KindOf(DatasetSchema schema, ColumnSchema column) =>
        column.Name == schema.Label && !schema.Task.HasNumericLabel() ? ColumnKind.Categorical : column.Kind;

    /// <summary>Histogram counts per column: from the kept values when exact, else from a second pass (null when not numeric).</summary>
    private static long[]?[] Histograms(string csvPath, DatasetSchema schema, int[] index, ValueSample?[] numbers, CancellationToken cancellation)
    {
        var columns = schema.Columns;
        var histograms = numbers.Select((n, i) => KindOf(schema, columns[i]) == ColumnKind.Numeric && n is { Count: > 0 } ? new long[ReferenceProfile.HistogramBins] : null).ToArray();
        var rescan = Enumerable.Range(0, columns.Count).Where(i => histograms[i] is not null && !numbers[i]!.IsExact).ToArray();
        foreach (var i in Enumerable.Range(0, columns.Count).Where(i => histograms[i] is not null && numbers[i]!.IsExact))
            foreach (var v in numbers[i]!.Sorted()) Bin(histograms[i]!, numbers[i]!, v);
        if (rescan.Length == 0) return histograms;
        if (RescanInRanges(csvPath, index, numbers, histograms, rescan, cancellation)) return histograms;
        foreach (var i in rescan) Array.Clear(histograms[i]!);
        using var reader = new CsvSnapshotReader(csvPath);
        foreach (var fields in reader.ReadRows(cancellation))
        {
            foreach (var i in rescan)
                if (fields[index[i]] is { } value && ColumnValue.TryNumber(value, out var number)) Bin(histograms[i]!, numbers[i]!, number);
        }
        return histograms;
    }

    // NOTE: bin counts are sums, so byte ranges binned on their own threads and added up give the exact counts of one
    // pass in order; a file the byte reader does not cover (quoted fields) is read by the caller's row reader instead.
    private static bool RescanInRanges(string csvPath, int[] index, ValueSample?[] numbers, long[]?[] histograms, int[] rescan, CancellationToken cancellation)
    {
        var order = rescan.OrderBy(i => index[i]).ToArray();
        var positions = order.Select(i => index[i]).ToArray();
        int width;
        using (var reader = new CsvSnapshotReader(csvPath)) width = reader.Header.Count;
        var ranges = CsvNumberRanges.Split(csvPath, Math.Clamp(Environment.ProcessorCount, 1, 8));
        // NOTE: each column's lowest value and bin width in flat arrays, its counts in one array per range: no object or
        // array per column is touched per value. The width is the same expression Bin computes, so the bins are the same.
        const int bins = ReferenceProfile.HistogramBins;
        var lows = order.Select(i => numbers[i]!.Min).ToArray();
        var widths = order.Select(i => (numbers[i]!.Max - numbers[i]!.Min) / bins).ToArray();
        var partial = new long[ranges.Count - 1][];
        var covered = new bool[ranges.Count - 1];
        Parallel.For(0, ranges.Count - 1, new ParallelOptions { CancellationToken = cancellation }, r =>
        {
            var counts = new long[order.Length * bins];
            covered[r] = CsvNumberRanges.Read(csvPath, ranges[r], ranges[r + 1], width, positions, new double[positions.Length], row =>
            {
                for (var k = 0; k < row.Length; k++)
                    if (!double.IsNaN(row[k])) counts[k * bins + BinOf(row[k], lows[k], widths[k], bins)]++;
            }, cancellation);
            partial[r] = counts;
        });
        if (!covered.All(c => c)) return false;
        for (var k = 0; k < order.Length; k++)
        {
            var total = histograms[order[k]]!;
            foreach (var counts in partial)
                for (var b = 0; b < total.Length; b++) total[b] += counts[k * bins + b];
        }
        return true;
    }

    private static void Bin(long[] counts, ValueSample sample, double value) =>
        counts[BinOf(value, sample.Min, (sample.Max - sample.Min) / counts.Length, counts.Length)]++;

    private static int BinOf(double value, double low, double width, int bins) =>
        width == 0 ? 0 : Math.Min(bins - 1, (int)((value - low) / width));

    private static ColumnProfile Describe(DatasetSchema schema, ColumnSchema column, long rows, long nulls, ValueSample? numbers, long[]? histogram, Dictionary<string, long> categories)
    {
        var profile = new ColumnProfile(column.Name, KindOf(schema, column), rows, rows == 0 ? 0 : (double)nulls / rows);
        return profile.Kind switch
        {
            ColumnKind.Numeric when numbers is { Count: > 0 } => profile with { Numeric = Numeric(numbers, histogram!) },
            ColumnKind.Text when numbers is { Count: > 0 } => profile with { Text = new TextProfile(numbers.Moments().Mean, Points(numbers)) },
            ColumnKind.Categorical or ColumnKind.Boolean => profile with { Categorical = Categorical(categories) },
            _ => profile,
        };
    }

    private static NumericProfile Numeric(ValueSample sample, long[] counts)
    {
        var (mean, std) = sample.Moments();
        double min = sample.Min, max = sample.Max;
        var bins = ReferenceProfile.HistogramBins;
        var width = (max - min) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : min + i * width).ToList();
        return new NumericProfile(mean, std, min, max, Points(sample), new HistogramProfile(edges, counts));
    }

    private static List<QuantilePoint> Points(ValueSample sample) =>
        [.. ReferenceProfile.Probabilities.Select(p => new QuantilePoint(p, sample.Quantile(p)))];

    private static CategoricalProfile Categorical(Dictionary<string, long> counts)
    {
        var total = (double)Math.Max(1, counts.Values.Sum());
        var ordered = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var top = ordered.Take(ReferenceProfile.TopCategories).Select(c => new CategoryFrequency(c.Key, c.Value, c.Value / total)).ToList();
        var other = ordered.Skip(ReferenceProfile.TopCategories).Sum(c => c.Value);
        return new CategoricalProfile(top, other, other / total, counts.Count);
    }
}
