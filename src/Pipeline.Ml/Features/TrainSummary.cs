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
    private readonly int width;
    private readonly int label;
    private readonly Dictionary<string, long> labels = new(StringComparer.Ordinal);
    private double[] block = [];

    /// <summary>Summarises rows whose fields follow <paramref name="header"/> (the schema's column order).</summary>
    public TrainSummary(DatasetSchema schema, IReadOnlyList<string> header, IReadOnlyList<string> numericColumns, IReadOnlyList<DerivedFeature> derived, bool mode, bool profile)
    {
        Statistics = new NumericStatisticsBuilder(schema, numericColumns, derived, mode);
        Terms = new CategoryTerms(schema);
        Profile = profile ? new ProfileBuilder(schema, header) : null;
        numeric = [.. Statistics.Positions.Concat(Profile?.NumericPositions ?? []).Distinct().Order()];
        width = header.Count;
        label = header.ToList().IndexOf(schema.Label);
    }

    /// <summary>How many train rows hold each label value (empty labels not counted; empty when there is no label column).</summary>
    public IReadOnlyDictionary<string, long> LabelCounts => labels;

    /// <summary>The numeric inputs' statistics.</summary>
    public NumericStatisticsBuilder Statistics { get; }

    /// <summary>The categorical columns' terms.</summary>
    public CategoryTerms Terms { get; }

    /// <summary>The reference profile, when asked for.</summary>
    public ProfileBuilder? Profile { get; }

    /// <summary>Adds one train row.</summary>
    public void Add(string?[] fields) => AddBlock([fields]);

    /// <summary>Adds train rows, in order; each numeric field is parsed once, into a column-major block.</summary>
    public void AddBlock(IReadOnlyList<string?[]> rows)
    {
        var n = rows.Count;
        if (block.Length < width * n) block = new double[width * n];
        for (var r = 0; r < n; r++)
        {
            var fields = rows[r];
            foreach (var p in numeric) block[p * n + r] = fields[p] is { } text && ColumnValue.TryNumber(text, out var v) ? v : double.NaN;
            if (label >= 0 && fields[label] is { } value) labels[value] = labels.GetValueOrDefault(value) + 1;
        }
        Statistics.AddBlock(block, n);
        Terms.AddBlock(rows);
        Profile?.AddBlock(rows, block);
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
