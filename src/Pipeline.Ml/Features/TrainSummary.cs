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
    private readonly int[] statisticsAt;
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
        statisticsAt = [.. Enumerable.Repeat(-1, header.Count)];
        for (var i = 0; i < Statistics.Positions.Count; i++) statisticsAt[Statistics.Positions[i]] = i;
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
    // range in row order, so the results do not depend on the split. A numeric column is parsed and added to the
    // statistics and the profile at once, while its values are in cache. Derived features, labels and the row sample
    // (which read across columns) are added after the ranges, on this thread.
    public void AddBlock(CsvRows rows)
    {
        var n = rows.Count;
        if (block.Length < width * n) block = new double[width * n];
        Parallel.For(0, Parts, part =>
        {
            var (from, to) = Range(numeric.Length, part);
            for (var k = from; k < to; k++)
            {
                var p = numeric[k];
                var values = block.AsSpan(p * n, n);
                var (statistic, profiled) = (statisticsAt[p], Profile?.NumericColumnAt[p] ?? -1);
                if (statistic >= 0 && profiled >= 0 && Statistics.Tally(statistic) is null)
                {
                    AddToBoth(rows, p, values, Statistics.Sample(statistic), profiled);
                    continue;
                }
                for (var r = 0; r < n; r++) values[r] = ColumnValue.TryNumber(rows.Field(r, p), out var v) ? v : double.NaN;
                if (statistic >= 0) Statistics.AddColumn(statistic, values);
                if (profiled >= 0) Profile!.AddNumbers(profiled, rows, values);
            }
            Profile?.AddOthers(rows, Range(Profile.OtherCount, part));
            Terms.AddColumns(rows, Range(Terms.Count, part));
        });
        Statistics.AddRows(block, n);
        var counts = labels.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var r = 0; r < n; r++)
            if (label >= 0 && rows.Field(r, label) is { IsEmpty: false } value) CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        Profile?.AddRows(rows);
    }

    /// <summary>
    /// Parses field <paramref name="position"/> of each row into <paramref name="values"/> and adds it to the statistics'
    /// <paramref name="statistic"/> sample (as a float, as <see cref="NumericStatisticsBuilder.AddColumn"/> does) and the
    /// profile's column <paramref name="profiled"/> (as <see cref="ProfileBuilder.AddNumbers"/> does) in one loop.
    /// </summary>
    // NOTE: each sample's running mean is a chain of divisions, one value after the other; adding a value to both samples
    // in the same iteration lets the processor run the two chains (and the next field's parsing) side by side.
    private void AddToBoth(CsvRows rows, int position, Span<double> values, ValueSample statistic, int profiled)
    {
        var profile = Profile!.Sample(profiled);
        long missing = 0;
        for (var r = 0; r < values.Length; r++)
        {
            var field = rows.Field(r, position);
            if (!ColumnValue.TryNumber(field, out var number))
            {
                values[r] = double.NaN;
                if (field.IsEmpty) missing++;
                continue;
            }
            values[r] = number;
            statistic.Add((float)number);
            profile.Add(number);
        }
        Profile.AddNulls(profiled, missing);
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
