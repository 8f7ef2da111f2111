using System.Runtime.InteropServices;
using Pipeline.Formats.Profiles;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Profiles;

/// <summary>
/// Computes a <see cref="ReferenceProfile"/> from a CSV in schema column order with bounded memory: numeric values and
/// text lengths go through a <see cref="ValueSample"/> (exact up to <see cref="ValueSample.CapacityFor"/> values,
/// <see cref="ValueSample.DefaultCapacity"/> unless the table is wide, so small data profiles as before; beyond that quantiles are estimated from a seeded reservoir sample and
/// mean/std are Welford's). Histograms stay exact: when a column outgrows its sample a second pass bins every value.
/// </summary>
internal sealed class ProfileBuilder
{
    private readonly DatasetSchema schema;
    private readonly long[] nulls;
    private readonly ColumnKind[] kinds;
    private readonly ValueSample[] numbers;
    private readonly Dictionary<string, long>[] categories;
    private readonly int[] index;
    private readonly int[] numericPositions;
    private readonly int[] numericAt;
    private readonly int[] others;
    private readonly int width;
    private double[]? parsed;
    private readonly RowSample sample;
    private long rows;

    /// <summary>Profiles rows whose fields follow <paramref name="header"/>, in <paramref name="schema"/>'s column order.</summary>
    public ProfileBuilder(DatasetSchema schema, IReadOnlyList<string> header)
    {
        this.schema = schema;
        width = header.Count;
        var columns = schema.Columns;
        nulls = new long[columns.Count];
        kinds = [.. columns.Select(c => KindOf(schema, c))];
        var sampled = kinds.Count(k => k is ColumnKind.Numeric or ColumnKind.Text);
        numbers = [.. columns.Select((_, i) => new ValueSample(i, ValueSample.CapacityFor(sampled)))];
        categories = [.. columns.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];
        var positions = header.Select((name, i) => (name, i)).GroupBy(h => h.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        index = [.. columns.Select(c => positions.GetValueOrDefault(c.Name, -1))];
        numericPositions = [.. index.Where((p, i) => p >= 0 && kinds[i] == ColumnKind.Numeric)];
        numericAt = [.. Enumerable.Repeat(-1, width)];
        for (var i = 0; i < index.Length; i++)
            if (index[i] >= 0 && kinds[i] == ColumnKind.Numeric) numericAt[index[i]] = i;
        others = [.. Enumerable.Range(0, index.Length).Where(i => !(index[i] >= 0 && kinds[i] == ColumnKind.Numeric))];
        sample = new RowSample([.. columns.Select(c => c.Name)]);
    }

    /// <summary>One streaming pass collecting numeric values, category counts and text lengths per column (two past the sample size).</summary>
    public static ReferenceProfile Build(string csvPath, DatasetSchema schema, CancellationToken cancellation = default)
    {
        using var reader = new CsvSnapshotReader(csvPath);
        var builder = new ProfileBuilder(schema, reader.Header);
        CsvRowBlocks.ForEach(reader, builder.AddBlock, cancellation);
        return builder.Finish(csvPath, cancellation);
    }

    /// <summary>The header positions of the numeric columns profiled (see <see cref="AddBlock(CsvRows, double[])"/>).</summary>
    public IReadOnlyList<int> NumericPositions => numericPositions;

    /// <summary>Adds rows (fields in header order), parsing their numbers.</summary>
    public void AddBlock(CsvRows rowsAdded)
    {
        var n = rowsAdded.Count;
        if (parsed is null || parsed.Length < width * n) parsed = new double[width * n];
        for (var r = 0; r < n; r++)
            foreach (var p in numericPositions) parsed[p * n + r] = ColumnValue.TryNumber(rowsAdded.Field(r, p), out var v) ? v : double.NaN;
        AddBlock(rowsAdded, parsed);
    }

    /// <summary>
    /// Adds rows (fields in header order) whose numbers are parsed column by column: <paramref name="block"/>[p · n + r] is
    /// the number in field p of row r of the n <paramref name="rowsAdded"/> (NaN when missing or not a number) for every p
    /// of <see cref="NumericPositions"/>.
    /// </summary>
    // NOTE: column by column, each column's state sees its values in row order (the same results as row by row) and is
    // touched once per block rather than once per row. Fields are read as characters: a category becomes a string only
    // the first time it is seen.
    public void AddBlock(CsvRows rowsAdded, double[] block)
    {
        AddColumns(rowsAdded, block, (0, ColumnCount));
        AddRows(rowsAdded);
    }

    /// <summary>The schema's columns profiled (the range of <see cref="AddColumns"/>).</summary>
    public int ColumnCount => kinds.Length;

    /// <summary>The part of <see cref="AddBlock(CsvRows, double[])"/> for the schema columns <paramref name="range"/>; ranges may be added in parallel.</summary>
    public void AddColumns(CsvRows rowsAdded, double[] block, (int From, int To) range)
    {
        var n = rowsAdded.Count;
        for (var i = range.From; i < range.To; i++)
        {
            if (index[i] >= 0 && kinds[i] == ColumnKind.Numeric) AddNumbers(i, rowsAdded, block.AsSpan(index[i] * n, n));
            else AddOther(i, rowsAdded);
        }
    }

    /// <summary>The schema column profiled as numeric at each header position (-1: none); see <see cref="AddNumbers"/>.</summary>
    public IReadOnlyList<int> NumericColumnAt => numericAt;

    /// <summary>
    /// Adds numeric column <paramref name="column"/> (see <see cref="NumericColumnAt"/>) of <paramref name="rowsAdded"/>, whose
    /// fields are already parsed into <paramref name="values"/> (NaN when missing or not a number); columns may be added in parallel.
    /// </summary>
    public void AddNumbers(int column, CsvRows rowsAdded, ReadOnlySpan<double> values)
    {
        var sample = numbers[column];
        var at = index[column];
        long missing = 0;
        for (var r = 0; r < values.Length; r++)
        {
            var number = values[r];
            if (!double.IsNaN(number)) sample.Add(number);
            else if (rowsAdded.Field(r, at).IsEmpty) missing++;
        }
        nulls[column] += missing;
    }

    /// <summary>The sample of numeric column <paramref name="column"/>: <see cref="AddNumbers"/> adds each value to it.</summary>
    public ValueSample Sample(int column) => numbers[column];

    /// <summary>Counts <paramref name="count"/> missing values of column <paramref name="column"/>.</summary>
    public void AddNulls(int column, long count) => nulls[column] += count;

    /// <summary>The columns that are not numeric ones present in the rows (the range of <see cref="AddOthers"/>).</summary>
    public int OtherCount => others.Length;

    /// <summary>The part of <see cref="AddColumns"/> for the columns <paramref name="range"/> of those not added by <see cref="AddNumbers"/>; ranges may be added in parallel.</summary>
    public void AddOthers(CsvRows rowsAdded, (int From, int To) range)
    {
        for (var k = range.From; k < range.To; k++) AddOther(others[k], rowsAdded);
    }

    private void AddOther(int i, CsvRows rowsAdded)
    {
        var n = rowsAdded.Count;
        var at = index[i];
        if (at < 0) { nulls[i] += n; return; }
        var kind = kinds[i];
        var counts = categories[i].GetAlternateLookup<ReadOnlySpan<char>>();
        for (var r = 0; r < n; r++)
        {
            var value = rowsAdded.Field(r, at);
            if (value.IsEmpty) { nulls[i]++; continue; }
            switch (kind)
            {
                case ColumnKind.Text: numbers[i].Add(value.Length); break;
                case ColumnKind.Categorical or ColumnKind.Boolean: CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++; break;
            }
        }
    }

    /// <summary>The rest of <see cref="AddBlock(CsvRows, double[])"/> once every column range is added: the row count and the row sample.</summary>
    public void AddRows(CsvRows rowsAdded)
    {
        rows += rowsAdded.Count;
        for (var r = 0; r < rowsAdded.Count; r++) sample.Add(rowsAdded, r, index);
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
    private static long[]?[] Histograms(string csvPath, DatasetSchema schema, int[] index, ValueSample[] numbers, CancellationToken cancellation)
    {
        var columns = schema.Columns;
        var histograms = numbers.Select((n, i) => KindOf(schema, columns[i]) == ColumnKind.Numeric && n.Count > 0 ? new long[ReferenceProfile.HistogramBins] : null).ToArray();
        var rescan = Enumerable.Range(0, columns.Count).Where(i => histograms[i] is not null && !numbers[i].IsExact).ToArray();
        foreach (var i in Enumerable.Range(0, columns.Count).Where(i => histograms[i] is not null && numbers[i].IsExact))
            foreach (var v in numbers[i].Sorted()) Bin(histograms[i]!, numbers[i], v);
        if (rescan.Length == 0) return histograms;
        if (RescanInRanges(csvPath, index, numbers, histograms, rescan, cancellation)) return histograms;
        foreach (var i in rescan) Array.Clear(histograms[i]!);
        using var reader = new CsvSnapshotReader(csvPath);
        foreach (var fields in reader.ReadRows(cancellation))
        {
            foreach (var i in rescan)
                if (fields[index[i]] is { } value && ColumnValue.TryNumber(value, out var number)) Bin(histograms[i]!, numbers[i], number);
        }
        return histograms;
    }

    // NOTE: bin counts are sums, so byte ranges binned on their own threads and added up give the exact counts of one
    // pass in order; a file the byte reader does not cover (quoted fields) is read by the caller's row reader instead.
    private static bool RescanInRanges(string csvPath, int[] index, ValueSample[] numbers, long[]?[] histograms, int[] rescan, CancellationToken cancellation)
    {
        var order = rescan.OrderBy(i => index[i]).ToArray();
        var positions = order.Select(i => index[i]).ToArray();
        int width;
        using (var reader = new CsvSnapshotReader(csvPath)) width = reader.Header.Count;
        var ranges = CsvNumberRanges.Split(csvPath, Math.Clamp(Environment.ProcessorCount, 1, 8));
        // NOTE: each column's lowest value and bin width in flat arrays, its counts in one array per range: no object or
        // array per column is touched per value. The width is the same expression Bin computes, so the bins are the same.
        const int bins = ReferenceProfile.HistogramBins;
        var lows = order.Select(i => numbers[i].Min).ToArray();
        var widths = order.Select(i => (numbers[i].Max - numbers[i].Min) / bins).ToArray();
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

    private static ColumnProfile Describe(DatasetSchema schema, ColumnSchema column, long rows, long nulls, ValueSample numbers, long[]? histogram, Dictionary<string, long> categories)
    {
        var profile = new ColumnProfile(column.Name, KindOf(schema, column), rows, rows == 0 ? 0 : (double)nulls / rows);
        return profile.Kind switch
        {
            ColumnKind.Numeric when numbers.Count > 0 => profile with { Numeric = Numeric(numbers, histogram!) },
            ColumnKind.Text when numbers.Count > 0 => profile with { Text = new TextProfile(numbers.Moments().Mean, Points(numbers)) },
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
