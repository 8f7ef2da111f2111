using Pipeline.Formats.Csv;
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
    /// <summary>Train rows seen (values plus missing ones).</summary>
    public long Rows { get; init; }

    /// <summary>The values seen (not missing); <see cref="Rows"/> − Count are filled.</summary>
    public long Count { get; init; }

    /// <summary>The smallest value seen (NaN when none).</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>The largest value seen (NaN when none).</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>The kept values, sorted: every value seen while <see cref="Count"/> is within the sample's capacity, else a seeded uniform sample.</summary>
    public IReadOnlyList<double> Kept { get; init; } = [];

    /// <summary>
    /// Reads the numeric columns of <paramref name="trainCsv"/> (plus derived features) and summarises each; the mode
    /// only when <paramref name="mode"/> (most_frequent imputation), else it is NaN.
    /// </summary>
    public static IReadOnlyList<NumericStatistics> Compute(string trainCsv, DatasetSchema schema, IReadOnlyList<string> numeric, IReadOnlyList<DerivedFeature> derived, bool mode = true, CancellationToken cancellation = default) =>
        TrainSummary.Read(trainCsv, schema, numeric, derived, mode, profile: false, cancellation).Statistics.Build();

    /// <summary>
    /// The statistics of one input over <paramref name="rows"/> train rows from its sample (rounded to float when the
    /// sample keeps floats, as a numeric column's does) and its value counts when the mode is asked for.
    /// </summary>
    internal static NumericStatistics Summarise(string name, long rows, ValueSample sample, ValueCounts? counts)
    {
        if (!sample.HasFloats) return Summarise(name, rows, sample.Count, sample.Moments(), sample.Sorted(), (sample.Min, sample.Max), sample.IsExact, counts);
        var floats = sample.Floats;
        return Summarise(name, rows, sample.Count, floats.Moments(), floats.Sorted(), (floats.Min, floats.Max), sample.IsExact, counts);
    }

    private static NumericStatistics Summarise(string name, long rows, long count, (double Mean, double Std) moments, List<double> sorted, (double Min, double Max) range, bool exact, ValueCounts? counts)
    {
        var mode = counts is null ? double.NaN : exact ? ValueCounts.ModeOf(sorted) : counts.Mode() ?? ValueCounts.ModeOf(sorted);
        return new NumericStatistics(name, moments.Mean, moments.Std, Quantiles.Of(sorted, 0.5), Quantiles.Of(sorted, 0.25), Quantiles.Of(sorted, 0.75), mode)
        {
            Rows = rows,
            Count = count,
            Min = range.Min,
            Max = range.Max,
            Kept = sorted,
        };
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
