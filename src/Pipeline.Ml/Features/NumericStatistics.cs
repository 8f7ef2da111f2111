using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>
/// Train-split statistics of one numeric input (a column or a derived feature) that ML.NET does not compute, in one
/// streaming pass with bounded memory: exact up to <see cref="ValueSample.DefaultCapacity"/> values per input; beyond
/// that the median and quartiles come from a seeded reservoir sample, mean and std from Welford's method, and the mode
/// from exact counts (or the sample's mode when an input has more than <see cref="ValueCounts.MaxDistinct"/> values).
/// </summary>
internal sealed record NumericStatistics(string Name, double Mean, double Std, double Median, double Q1, double Q3, double Mode)
{
    /// <summary>Reads the numeric columns of <paramref name="trainCsv"/> (plus derived features) and summarises each.</summary>
    public static IReadOnlyList<NumericStatistics> Compute(string trainCsv, DatasetSchema schema, IReadOnlyList<string> numeric, IReadOnlyList<DerivedFeature> derived)
    {
        var columns = numeric.Select(n => schema.Columns.ToList().FindIndex(c => c.Name == n)).ToArray();
        // NOTE: each input's sample is seeded by its position, so the statistics depend on the rows only.
        var values = numeric.Concat(derived.Select(d => d.Name)).Select((_, i) => new ValueSample(i)).ToArray();
        var counts = values.Select(_ => new ValueCounts()).ToArray();
        var derivedInputs = derived.Select(d => d.Inputs.Select(i => numeric.ToList().IndexOf(i)).ToArray()).ToArray();
        var row = new double[columns.Length];
        using var reader = new CsvSnapshotReader(trainCsv);
        foreach (var fields in reader.ReadRows())
        {
            for (var i = 0; i < columns.Length; i++)
            {
                row[i] = fields[columns[i]] is { } text && ColumnValue.TryNumber(text, out var v) ? (float)v : double.NaN;
                if (!double.IsNaN(row[i])) { values[i].Add(row[i]); counts[i].Add(row[i]); }
            }
            for (var d = 0; d < derived.Count; d++)
            {
                var value = derived[d].Compute([.. derivedInputs[d].Select(i => row[i])]);
                if (double.IsFinite(value)) { values[columns.Length + d].Add(value); counts[columns.Length + d].Add(value); }
            }
        }
        return [.. values.Select((sample, i) => Summarise(i < numeric.Count ? numeric[i] : derived[i - numeric.Count].Name, sample, counts[i]))];
    }

    private static NumericStatistics Summarise(string name, ValueSample sample, ValueCounts counts)
    {
        var (mean, std) = sample.Moments();
        var mode = sample.IsExact ? ValueCounts.ModeOf(sample.Sorted()) : counts.Mode() ?? ValueCounts.ModeOf(sample.Sorted());
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
