using Pipeline.Ml.Data;

namespace Pipeline.Ml.Profiles;

/// <summary>
/// Computes a <see cref="ReferenceProfile"/> from a CSV in schema column order with bounded memory: numeric values and
/// text lengths go through a <see cref="ValueSample"/> (exact up to <see cref="ValueSample.CapacityFor"/> values,
/// <see cref="ValueSample.DefaultCapacity"/> unless the table is wide, so small data profiles as before; beyond that quantiles are estimated from a seeded reservoir sample and
/// mean/std are Welford's). Histograms stay exact: when a column outgrows its sample a second pass bins every value.
/// </summary>
internal static class ProfileBuilder
{
    /// <summary>One streaming pass collecting numeric values, category counts and text lengths per column (two past the sample size).</summary>
    public static ReferenceProfile Build(string csvPath, DatasetSchema schema, CancellationToken cancellation = default)
    {
        var columns = schema.Columns;
        var nulls = new long[columns.Count];
        var kinds = columns.Select(c => KindOf(schema, c)).ToArray();
        var sampled = kinds.Count(k => k is ColumnKind.Numeric or ColumnKind.Text);
        var numbers = columns.Select((_, i) => new ValueSample(i, ValueSample.CapacityFor(sampled))).ToArray();
        var categories = columns.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        using var reader = new CsvSnapshotReader(csvPath);
        var positions = reader.Header.Select((name, i) => (name, i)).GroupBy(h => h.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        int[] index = [.. columns.Select(c => positions.GetValueOrDefault(c.Name, -1))];
        long rows = 0;
        foreach (var fields in reader.ReadRows(cancellation))
        {
            rows++;
            for (var i = 0; i < columns.Count; i++)
            {
                var value = index[i] < 0 ? null : fields[index[i]];
                if (value is null) { nulls[i]++; continue; }
                switch (kinds[i])
                {
                    case ColumnKind.Numeric when ColumnValue.TryNumber(value, out var number): numbers[i].Add(number); break;
                    case ColumnKind.Text: numbers[i].Add(value.Length); break;
                    case ColumnKind.Categorical or ColumnKind.Boolean: categories[i][value] = categories[i].GetValueOrDefault(value) + 1; break;
                }
            }
        }
        var histograms = Histograms(csvPath, schema, index, numbers, cancellation);
        return new ReferenceProfile(rows, [.. columns.Select((c, i) => Describe(schema, c, rows, nulls[i], numbers[i], histograms[i], categories[i]))]);
    }

    private static ColumnKind KindOf(DatasetSchema schema, ColumnSchema column) =>
        column.Name == schema.Label && schema.Task != MlTask.Regression ? ColumnKind.Categorical : column.Kind;

    /// <summary>Histogram counts per column: from the kept values when exact, else from a second pass (null when not numeric).</summary>
    private static long[]?[] Histograms(string csvPath, DatasetSchema schema, int[] index, ValueSample[] numbers, CancellationToken cancellation)
    {
        var columns = schema.Columns;
        var histograms = numbers.Select((n, i) => KindOf(schema, columns[i]) == ColumnKind.Numeric && n.Count > 0 ? new long[ReferenceProfile.HistogramBins] : null).ToArray();
        var rescan = Enumerable.Range(0, columns.Count).Where(i => histograms[i] is not null && !numbers[i].IsExact).ToArray();
        foreach (var i in Enumerable.Range(0, columns.Count).Where(i => histograms[i] is not null && numbers[i].IsExact))
            foreach (var v in numbers[i].Sorted()) Bin(histograms[i]!, numbers[i], v);
        if (rescan.Length == 0) return histograms;
        using var reader = new CsvSnapshotReader(csvPath);
        foreach (var fields in reader.ReadRows(cancellation))
        {
            foreach (var i in rescan)
                if (fields[index[i]] is { } value && ColumnValue.TryNumber(value, out var number)) Bin(histograms[i]!, numbers[i], number);
        }
        return histograms;
    }

    private static void Bin(long[] counts, ValueSample sample, double value)
    {
        var width = (sample.Max - sample.Min) / counts.Length;
        counts[width == 0 ? 0 : Math.Min(counts.Length - 1, (int)((value - sample.Min) / width))]++;
    }

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
