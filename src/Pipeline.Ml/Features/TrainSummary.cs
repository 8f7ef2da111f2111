using System.Runtime.InteropServices;
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

    /// <summary>Adds train rows, in order; each numeric field is parsed once (from its characters), into a column-major block.</summary>
    // NOTE: the columns are split into ranges summarised on every core (Parts); each column's state is touched by one
    // range in row order, so the results do not depend on the split. Derived features, labels, terms and the row sample
    // (which read across columns) are added after the ranges, on this thread.
    public void AddBlock(CsvRows rows)
    {
        var n = rows.Count;
        if (block.Length < width * n) block = new double[width * n];
        Parallel.For(0, Parts, part =>
        {
            var (from, to) = Range(numeric.Length, part);
            for (var r = 0; r < n; r++)
                for (var k = from; k < to; k++)
                    block[numeric[k] * n + r] = ColumnValue.TryNumber(rows.Field(r, numeric[k]), out var v) ? v : double.NaN;
        });
        Parallel.For(0, Parts, part =>
        {
            Statistics.AddColumns(block, n, Range(Statistics.Positions.Count, part));
            Profile?.AddColumns(rows, block, Range(Profile.ColumnCount, part));
        });
        Statistics.AddRows(block, n);
        var counts = labels.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var r = 0; r < n; r++)
            if (label >= 0 && rows.Field(r, label) is { IsEmpty: false } value) CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        Terms.AddBlock(rows);
        Profile?.AddRows(rows);
    }

    /// <summary>Column ranges summarised in parallel (one per core, at most two).</summary>
    private static readonly int Parts = Math.Clamp(Environment.ProcessorCount, 1, 2);

    private static (int From, int To) Range(int count, int part) => (count * part / Parts, count * (part + 1) / Parts);

    /// <summary>Summarises the rows of <paramref name="trainCsv"/> (no profile) in one pass.</summary>
    public static TrainSummary Read(string trainCsv, DatasetSchema schema, IReadOnlyList<string> numericColumns, IReadOnlyList<DerivedFeature> derived, bool mode, CancellationToken cancellation = default)
    {
        using var reader = new CsvSnapshotReader(trainCsv);
        var summary = new TrainSummary(schema, reader.Header, numericColumns, derived, mode, profile: false);
        CsvRowBlocks.ForEach(reader, summary.AddBlock, cancellation);
        return summary;
    }
}
