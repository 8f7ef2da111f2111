using Pipeline.Ml.Data;

namespace Pipeline.Ml.Profiles;

/// <summary>Computes a <see cref="ReferenceProfile"/> from a CSV in schema column order.</summary>
internal static class ProfileBuilder
{
    /// <summary>One streaming pass collecting numeric values, category counts and text lengths per column.</summary>
    public static ReferenceProfile Build(string csvPath, DatasetSchema schema)
    {
        var columns = schema.Columns;
        var nulls = new long[columns.Count];
        var numbers = columns.Select(_ => new List<double>()).ToArray();
        var categories = columns.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        using var reader = new CsvSnapshotReader(csvPath);
        int[] index = [.. columns.Select(c => reader.Header.ToList().IndexOf(c.Name))];
        long rows = 0;
        foreach (var fields in reader.ReadRows())
        {
            rows++;
            for (var i = 0; i < columns.Count; i++)
            {
                var value = index[i] < 0 ? null : fields[index[i]];
                if (value is null) { nulls[i]++; continue; }
                switch (KindOf(schema, columns[i]))
                {
                    case ColumnKind.Numeric when ColumnValue.TryNumber(value, out var number): numbers[i].Add(number); break;
                    case ColumnKind.Text: numbers[i].Add(value.Length); break;
                    case ColumnKind.Categorical or ColumnKind.Boolean: categories[i][value] = categories[i].GetValueOrDefault(value) + 1; break;
                }
            }
        }
        return new ReferenceProfile(rows, [.. columns.Select((c, i) => Describe(schema, c, rows, nulls[i], numbers[i], categories[i]))]);
    }

    private static ColumnKind KindOf(DatasetSchema schema, ColumnSchema column) =>
        column.Name == schema.Label && schema.Task != MlTask.Regression ? ColumnKind.Categorical : column.Kind;

    private static ColumnProfile Describe(DatasetSchema schema, ColumnSchema column, long rows, long nulls, List<double> numbers, Dictionary<string, long> categories)
    {
        var profile = new ColumnProfile(column.Name, KindOf(schema, column), rows, rows == 0 ? 0 : (double)nulls / rows);
        numbers.Sort();
        return profile.Kind switch
        {
            ColumnKind.Numeric when numbers.Count > 0 => profile with { Numeric = Numeric(numbers) },
            ColumnKind.Text when numbers.Count > 0 => profile with { Text = new TextProfile(numbers.Average(), Points(numbers)) },
            ColumnKind.Categorical or ColumnKind.Boolean => profile with { Categorical = Categorical(categories) },
            _ => profile,
        };
    }

    private static NumericProfile Numeric(List<double> sorted)
    {
        var (mean, std) = Quantiles.Moments(sorted);
        double min = sorted[0], max = sorted[^1];
        var bins = ReferenceProfile.HistogramBins;
        var width = (max - min) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : min + i * width).ToList();
        var counts = new long[bins];
        foreach (var v in sorted) counts[width == 0 ? 0 : Math.Min(bins - 1, (int)((v - min) / width))]++;
        return new NumericProfile(mean, std, min, max, Points(sorted), new HistogramProfile(edges, counts));
    }

    private static List<QuantilePoint> Points(List<double> sorted) =>
        [.. ReferenceProfile.Probabilities.Select(p => new QuantilePoint(p, Quantiles.Of(sorted, p)))];

    private static CategoricalProfile Categorical(Dictionary<string, long> counts)
    {
        var total = (double)Math.Max(1, counts.Values.Sum());
        var ordered = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var top = ordered.Take(ReferenceProfile.TopCategories).Select(c => new CategoryFrequency(c.Key, c.Value, c.Value / total)).ToList();
        var other = ordered.Skip(ReferenceProfile.TopCategories).Sum(c => c.Value);
        return new CategoricalProfile(top, other, other / total, counts.Count);
    }
}
