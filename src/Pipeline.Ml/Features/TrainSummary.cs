using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>
/// Everything Featurize learns from the train rows, fed one row at a time (by the split's write pass, or by
/// <see cref="Read"/>): the numeric statistics, the categorical terms and, when asked for, the reference profile. Each
/// numeric field is parsed once for all of them.
/// </summary>
internal sealed class TrainSummary
{
    private readonly int[] numeric;
    private readonly double[] numbers;

    /// <summary>Summarises rows whose fields follow <paramref name="header"/> (the schema's column order).</summary>
    public TrainSummary(DatasetSchema schema, IReadOnlyList<string> header, IReadOnlyList<string> numericColumns, IReadOnlyList<DerivedFeature> derived, bool mode, bool profile)
    {
        Statistics = new NumericStatisticsBuilder(schema, numericColumns, derived, mode);
        Terms = new CategoryTerms(schema);
        Profile = profile ? new ProfileBuilder(schema, header) : null;
        numeric = [.. Statistics.Positions.Concat(Profile?.NumericPositions ?? []).Distinct().Order()];
        numbers = new double[header.Count];
    }

    /// <summary>The numeric inputs' statistics.</summary>
    public NumericStatisticsBuilder Statistics { get; }

    /// <summary>The categorical columns' terms.</summary>
    public CategoryTerms Terms { get; }

    /// <summary>The reference profile, when asked for.</summary>
    public ProfileBuilder? Profile { get; }

    /// <summary>Adds one train row.</summary>
    public void Add(string?[] fields)
    {
        foreach (var p in numeric) numbers[p] = fields[p] is { } text && ColumnValue.TryNumber(text, out var v) ? v : double.NaN;
        Statistics.Add(numbers);
        Terms.Add(fields);
        Profile?.Add(fields, numbers);
    }

    /// <summary>Summarises the rows of <paramref name="trainCsv"/> (no profile) in one pass.</summary>
    public static TrainSummary Read(string trainCsv, DatasetSchema schema, IReadOnlyList<string> numericColumns, IReadOnlyList<DerivedFeature> derived, bool mode, CancellationToken cancellation = default)
    {
        using var reader = new CsvSnapshotReader(trainCsv);
        var summary = new TrainSummary(schema, reader.Header, numericColumns, derived, mode, profile: false);
        foreach (var fields in reader.ReadRows(cancellation)) summary.Add(fields);
        return summary;
    }
}
