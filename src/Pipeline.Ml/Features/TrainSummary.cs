using System.Collections.Concurrent;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

/// <summary>
/// Everything Featurize learns from the train rows: the numeric statistics, the categorical terms and, when asked for,
/// the reference profile. Rows come in batches (<see cref="CsvRowBlocks.RowsFor"/> rows, so the boundaries depend on the
/// data only); <see cref="Summarise"/> summarises a batch on any thread and returns the merge of that summary, which
/// must run in batch order; <see cref="Finish"/> then adds up the per-thread counts. Each numeric field is parsed once,
/// into one sample that serves the statistics (rounded to float) and the profile.
/// </summary>
// NOTE: what depends on the order of rows is merged in batch order (moments by Chan et al.'s combination, terms by first
// occurrence); samples keep the rows of smallest seeded key (order-free, and a batch offers only values below the key
// threshold merged so far); counts (missing values, categories, labels, the mode's values) are sums kept per thread.
internal sealed partial class TrainSummary
{
    /// <summary>The seed of the row keys that pick the values samples keep.</summary>
    private const int KeySeed = 17;

    private readonly int label;
    private readonly int[] numeric;
    private readonly ValueSample[] samples;
    private readonly int[] statisticAt;
    private readonly int[] profiledAt;
    private readonly int[] others;
    private readonly int[] textSample;
    private readonly int[][] derivedInputs;
    private readonly ConcurrentBag<Worker> idle = [];
    private readonly ConcurrentBag<Worker> workers = [];
    private readonly ConcurrentBag<Part> parts = [];
    private readonly Dictionary<string, long> labels = new(StringComparer.Ordinal);

    /// <summary>Summarises rows whose fields follow <paramref name="header"/> (the schema's column order).</summary>
    public TrainSummary(DatasetSchema schema, IReadOnlyList<string> header, IReadOnlyList<string> numericColumns, IReadOnlyList<DerivedFeature> derived, bool mode, bool profile)
    {
        var shared = new SortedDictionary<int, ValueSample>();
        ValueSample SharedAt(int position, int capacity, bool floats)
        {
            if (!shared.TryGetValue(position, out var sample)) shared[position] = sample = new ValueSample(position, capacity);
            sample.Reserve(capacity, floats);
            return sample;
        }
        Statistics = new NumericStatisticsBuilder(schema, numericColumns, derived, mode, (p, c) => SharedAt(p, c, floats: true));
        Terms = new CategoryTerms(schema);
        Profile = profile ? new ProfileBuilder(schema, header, (p, c) => SharedAt(p, c, floats: false)) : null;
        numeric = [.. shared.Keys];
        statisticAt = [.. Enumerable.Repeat(-1, header.Count)];
        for (var i = 0; i < Statistics.Positions.Count; i++) statisticAt[Statistics.Positions[i]] = i;
        profiledAt = [.. Enumerable.Repeat(-1, header.Count)];
        var texts = new List<ValueSample>();
        var textAt = new List<int>();
        var rest = new List<int>();
        if (Profile is { } built)
        {
            for (var c = 0; c < built.Kinds.Count; c++)
            {
                var at = built.Index[c];
                if (at >= 0 && built.Kinds[c] == ColumnKind.Numeric) { profiledAt[at] = c; continue; }
                rest.Add(c);
                textAt.Add(-1);
                if (at >= 0 && built.Kinds[c] == ColumnKind.Text) { textAt[^1] = numeric.Length + derived.Count + texts.Count; texts.Add(built.Sample(c)!); }
            }
        }
        others = [.. rest];
        textSample = [.. textAt];
        samples = [.. shared.Values, .. derived.Select((_, d) => Statistics.Sample(numericColumns.Count + d)), .. texts];
        var columnOf = numeric.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => x.k);
        derivedInputs = [.. Statistics.DerivedInputs.Select(inputs => inputs.Select(p => columnOf[p]).ToArray())];
        label = header.ToList().IndexOf(schema.Label);
        Width = header.Count;
    }

    /// <summary>Fields per row.</summary>
    public int Width { get; }

    /// <summary>How many train rows hold each label value (empty labels not counted; empty when there is no label column); after <see cref="Finish"/>.</summary>
    public IReadOnlyDictionary<string, long> LabelCounts => labels;

    /// <summary>The numeric inputs' statistics.</summary>
    public NumericStatisticsBuilder Statistics { get; }

    /// <summary>The categorical columns' terms.</summary>
    public CategoryTerms Terms { get; }

    /// <summary>The reference profile, when asked for.</summary>
    public ProfileBuilder? Profile { get; }

    /// <summary>Adds the counts every thread kept (call once, after the last merge).</summary>
    public void Finish()
    {
        foreach (var worker in workers)
        {
            Statistics.AddCounts(worker.Counts);
            Profile?.AddCounts(worker.Nulls, worker.Categories);
            foreach (var (value, count) in worker.Labels) labels[value] = labels.GetValueOrDefault(value) + count;
        }
        workers.Clear();
    }

    /// <summary>Summarises the rows of <paramref name="csv"/> in one pass (the profile too when <paramref name="profile"/>).</summary>
    public static TrainSummary Read(string csv, DatasetSchema schema, IReadOnlyList<string> numericColumns, IReadOnlyList<DerivedFeature> derived, bool mode, bool profile, CancellationToken cancellation = default)
    {
        using var reader = new CsvSnapshotReader(csv);
        var summary = new TrainSummary(schema, reader.Header, numericColumns, derived, mode, profile);
        CsvRowBlocks.ForEach(reader, (rows, first) => summary.Summarise(rows, first)(), cancellation);
        summary.Finish();
        return summary;
    }
}
