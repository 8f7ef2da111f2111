using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>
/// Train-split statistics of one numeric input (a column or a derived feature) that ML.NET does not compute, in one
/// streaming pass with bounded memory: exact up to <see cref="ValueSample.CapacityFor"/> values per input
/// (<see cref="ValueSample.DefaultCapacity"/> unless the table is wide); beyond that the median and quartiles come from
/// a seeded reservoir sample, mean and std from Welford's method, and the mode (counted only when <c>mode</c> is asked
/// for) from exact counts, or the sample's mode when an input has more distinct values than <see cref="ValueCounts.MaxDistinctFor"/>.
/// </summary>
internal sealed record NumericStatistics(string Name, double Mean, double Std, double Median, double Q1, double Q3, double Mode)
{
    /// <summary>
    /// Reads the numeric columns of <paramref name="trainCsv"/> (plus derived features) and summarises each; the mode
    /// only when <paramref name="mode"/> (most_frequent imputation), else it is NaN.
    /// </summary>
    public static IReadOnlyList<NumericStatistics> Compute(string trainCsv, DatasetSchema schema, IReadOnlyList<string> numeric, IReadOnlyList<DerivedFeature> derived, bool mode = true, CancellationToken cancellation = default)
    {
        var positions = schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        var columns = numeric.Select(n => positions[n]).ToArray();
        var inputs = numeric.Count + derived.Count;
        // NOTE: each input's sample is seeded by its position, so the statistics depend on the rows only.
        var values = Enumerable.Range(0, inputs).Select(i => new ValueSample(i, ValueSample.CapacityFor(inputs))).ToArray();
        var counts = values.Select(_ => mode ? new ValueCounts(ValueCounts.MaxDistinctFor(inputs)) : null).ToArray();
        var numericIndex = numeric.Select((n, i) => (n, i)).ToDictionary(n => n.n, n => n.i, StringComparer.Ordinal);
        var derivedInputs = derived.Select(d => d.Inputs.Select(i => numericIndex[i]).ToArray()).ToArray();
        var row = new double[columns.Length];
        using var reader = new CsvSnapshotReader(trainCsv);
        foreach (var fields in reader.ReadRows(cancellation))
        {
            for (var i = 0; i < columns.Length; i++)
            {
                row[i] = fields[columns[i]] is { } text && ColumnValue.TryNumber(text, out var v) ? (float)v : double.NaN;
                if (!double.IsNaN(row[i])) { values[i].Add(row[i]); counts[i]?.Add(row[i]); }
            }
            for (var d = 0; d < derived.Count; d++)
            {
                var value = derived[d].Compute([.. derivedInputs[d].Select(i => row[i])]);
                if (double.IsFinite(value)) { values[columns.Length + d].Add(value); counts[columns.Length + d]?.Add(value); }
            }
        }
        return [.. values.Select((sample, i) => Summarise(i < numeric.Count ? numeric[i] : derived[i - numeric.Count].Name, sample, counts[i]))];
    }

    private static NumericStatistics Summarise(string name, ValueSample sample, ValueCounts? counts)
    {
        var (mean, std) = sample.Moments();
        var mode = counts is null ? double.NaN : sample.IsExact ? ValueCounts.ModeOf(sample.Sorted()) : counts.Mode() ?? ValueCounts.ModeOf(sample.Sorted());
        return new NumericStatistics(name, mean, std, sample.Quantile(0.5), sample.Quantile(0.25), sample.Quantile(0.75), mode);
    }

    /// <summary>The fill value for <paramref name="options"/>' imputation (0 when the column has no values).</summary>
    public double Fill(FeaturizerOptions options)
    {
        var value = options.Imputation switch
        {
            ImputationStrategy.Median => Median,
            ImputationStrategy.MostFrequent => Mode,
            ImputationStrategy.Constant => options.ConstantValue,
            _ => Mean,
        };
        return double.IsFinite(value) ? value : 0;
    }

    /// <summary>The clipping bounds for <paramref name="options"/>, or null when not clipping or undefined.</summary>
    public (double Low, double High)? Bounds(FeaturizerOptions options)
    {
        var k = options.EffectiveOutlierFactor;
        (double, double)? bounds = options.Outliers switch
        {
            OutlierStrategy.Iqr => (Q1 - k * (Q3 - Q1), Q3 + k * (Q3 - Q1)),
            OutlierStrategy.ZScore => (Mean - k * Std, Mean + k * Std),
            _ => null,
        };
        return bounds is { } b && double.IsFinite(b.Item1) && double.IsFinite(b.Item2) ? b : null;
    }
}
