using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>Train-split statistics of one numeric input (a column or a derived feature) that ML.NET does not compute.</summary>
internal sealed record NumericStatistics(string Name, double Mean, double Std, double Median, double Q1, double Q3, double Mode)
{
    /// <summary>Reads the numeric columns of <paramref name="trainCsv"/> (plus derived features) and summarises each.</summary>
    public static IReadOnlyList<NumericStatistics> Compute(string trainCsv, DatasetSchema schema, IReadOnlyList<string> numeric, IReadOnlyList<DerivedFeature> derived)
    {
        var columns = numeric.Select(n => schema.Columns.ToList().FindIndex(c => c.Name == n)).ToArray();
        var values = numeric.Concat(derived.Select(d => d.Name)).Select(_ => new List<double>()).ToArray();
        var derivedInputs = derived.Select(d => d.Inputs.Select(i => numeric.ToList().IndexOf(i)).ToArray()).ToArray();
        var row = new double[columns.Length];
        using var reader = new CsvSnapshotReader(trainCsv);
        foreach (var fields in reader.ReadRows())
        {
            for (var i = 0; i < columns.Length; i++)
            {
                row[i] = fields[columns[i]] is { } text && ColumnValue.TryNumber(text, out var v) ? (float)v : double.NaN;
                if (!double.IsNaN(row[i])) values[i].Add(row[i]);
            }
            for (var d = 0; d < derived.Count; d++)
            {
                var value = derived[d].Compute([.. derivedInputs[d].Select(i => row[i])]);
                if (double.IsFinite(value)) values[columns.Length + d].Add(value);
            }
        }
        return [.. values.Select((list, i) => Summarise(i < numeric.Count ? numeric[i] : derived[i - numeric.Count].Name, list))];
    }

    private static NumericStatistics Summarise(string name, List<double> values)
    {
        values.Sort();
        var (mean, std) = Quantiles.Moments(values);
        var mode = values.Count == 0 ? double.NaN : values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new NumericStatistics(name, mean, std, Quantiles.Of(values, 0.5), Quantiles.Of(values, 0.25), Quantiles.Of(values, 0.75), mode);
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
