using System.Runtime.InteropServices;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Profiles;

namespace Pipeline.Ml.Features;

internal sealed partial class TrainSummary
{
    /// <summary>
    /// Summarises a batch of rows whose first is row <paramref name="first"/> of those added (0-based); thread-safe. Returns
    /// the merge of the batch into the totals: run it after the previous batch's, before the next one's.
    /// </summary>
    public Action Summarise(CsvRows rows, long first)
    {
        var worker = idle.TryTake(out var w) ? w : NewWorker();
        var part = parts.TryTake(out var p) ? p : new Part(samples.Length);
        try
        {
            SummariseInto(rows, first, worker, part);
        }
        finally
        {
            idle.Add(worker);
        }
        return () => Merge(part);
    }

    private Worker NewWorker()
    {
        var worker = new Worker(Statistics, Terms.Count, Profile?.Kinds.Count ?? 0);
        workers.Add(worker);
        return worker;
    }

    private void SummariseInto(CsvRows rows, long first, Worker w, Part part)
    {
        var n = rows.Count;
        part.Rows = n;
        if (w.Block.Length < numeric.Length * n) w.Block = new double[numeric.Length * n];
        if (w.Keys.Length < n) (w.Keys, w.Derived) = (new ulong[n], new double[n]);
        var keys = w.Keys.AsSpan(0, n);
        for (var r = 0; r < n; r++) keys[r] = BottomK<double>.Key(KeySeed, first + r);
        for (var k = 0; k < numeric.Length; k++)
        {
            var position = numeric[k];
            var values = w.Block.AsSpan(k * n, n);
            long missing = 0;
            for (var r = 0; r < n; r++)
            {
                var field = rows.Field(r, position);
                if (ColumnValue.TryNumber(field, out var number)) values[r] = number;
                else
                {
                    values[r] = double.NaN;
                    if (field.IsEmpty) missing++;
                }
            }
            Add(part, k, values, keys);
            if (profiledAt[position] >= 0) w.Nulls[profiledAt[position]] += missing;
            if (statisticAt[position] >= 0 && w.Counts[statisticAt[position]] is { } tally)
                foreach (var v in values) if (!double.IsNaN(v)) tally.Add((float)v);
        }
        AddDerived(w, part, n, keys);
        if (Profile is { } profile) AddOthers(rows, w, part, profile, keys);
        AddTerms(rows, w, part);
        if (label >= 0)
        {
            var counts = w.Labels.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var r = 0; r < n; r++)
                if (rows.Field(r, label) is { IsEmpty: false } value) CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        }
        if (Profile is { } sampled)
        {
            var threshold = sampled.Rows.Threshold;
            for (var r = 0; r < n; r++)
                if (sampled.Rows.Key(first + r) is var key && key < threshold)
                    part.Sampled.Add((key, first + r, PackedRow.Pack(rows, r, (int[])sampled.Index, sampled.InOrder)));
        }
    }

    /// <summary>Adds sample <paramref name="s"/>'s values of the batch (NaN: none): their moments, and those whose row key is below the sample's threshold.</summary>
    private void Add(Part part, int s, ReadOnlySpan<double> values, ReadOnlySpan<ulong> keys)
    {
        var sample = samples[s];
        part.Moments[s] = SampleMoments.Of(values, floats: false);
        part.FloatMoments[s] = sample.HasFloats ? SampleMoments.Of(values, floats: true) : default;
        var threshold = sample.Threshold;
        for (var r = 0; r < values.Length; r++)
            if (keys[r] < threshold && !double.IsNaN(values[r])) part.Offered.Add((s, keys[r], values[r]));
    }

    private void AddDerived(Worker w, Part part, int n, ReadOnlySpan<ulong> keys)
    {
        var derived = Statistics.Derived;
        for (var d = 0; d < derived.Count; d++)
        {
            var inputs = derivedInputs[d];
            var row = new double[inputs.Length];
            var values = w.Derived.AsSpan(0, n);
            for (var r = 0; r < n; r++)
            {
                for (var k = 0; k < inputs.Length; k++)
                {
                    var number = w.Block[inputs[k] * n + r];
                    row[k] = double.IsNaN(number) ? double.NaN : (float)number;
                }
                var value = derived[d].Compute(row);
                values[r] = double.IsFinite(value) ? value : double.NaN;
            }
            var s = numeric.Length + d;
            Add(part, s, values, keys);
            if (w.Counts[Statistics.Positions.Count + d] is { } tally)
                foreach (var v in values) if (!double.IsNaN(v)) tally.Add(v);
        }
    }

    private void AddOthers(CsvRows rows, Worker w, Part part, ProfileBuilder profile, ReadOnlySpan<ulong> keys)
    {
        var n = rows.Count;
        for (var k = 0; k < others.Length; k++)
        {
            var c = others[k];
            var at = profile.Index[c];
            if (at < 0) { w.Nulls[c] += n; continue; }
            var kind = profile.Kinds[c];
            var lengths = w.Derived.AsSpan(0, n);
            var counts = w.Categories[c].GetAlternateLookup<ReadOnlySpan<char>>();
            for (var r = 0; r < n; r++)
            {
                var value = rows.Field(r, at);
                lengths[r] = value.IsEmpty ? double.NaN : value.Length;
                if (value.IsEmpty) w.Nulls[c]++;
                else if (kind is ColumnKind.Categorical or ColumnKind.Boolean) CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
            }
            if (textSample[k] >= 0) Add(part, textSample[k], lengths, keys);
        }
    }

    // NOTE: a worker skips values it has offered before (they occurred earlier in row order: a worker takes batches in
    // order), so a batch offers few terms; the merge keeps each column's first occurrences in row order.
    private void AddTerms(CsvRows rows, Worker w, Part part)
    {
        for (var i = 0; i < Terms.Count; i++)
        {
            var position = Terms.Positions[i];
            var seen = w.Seen[i];
            var known = seen.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var r = 0; r < rows.Count; r++)
            {
                var value = rows.Field(r, position);
                if (value.IsEmpty || known.Contains(value)) continue;
                var term = value.ToString();
                if (seen.Count < CategoryTerms.MaxTerms) seen.Add(term);
                part.Terms.Add((i, term));
            }
        }
    }

    private void Merge(Part part)
    {
        for (var s = 0; s < samples.Length; s++) samples[s].Merge(part.Moments[s], part.FloatMoments[s]);
        foreach (var (s, key, value) in part.Offered) samples[s].Offer(key, value);
        foreach (var (i, term) in part.Terms) Terms.Add(i, term);
        foreach (var (key, index, row) in part.Sampled) Profile!.Rows.Offer(key, index, row);
        Statistics.AddRows(part.Rows);
        Profile?.AddRows(part.Rows);
        part.Clear();
        parts.Add(part);
    }

    /// <summary>A batch's summary, waiting for its turn to merge.</summary>
    private sealed class Part(int samples)
    {
        public SampleMoments[] Moments { get; } = new SampleMoments[samples];

        public SampleMoments[] FloatMoments { get; } = new SampleMoments[samples];

        public List<(int Sample, ulong Key, double Value)> Offered { get; } = [];

        public List<(int Column, string Term)> Terms { get; } = [];

        public List<(ulong Key, long Index, PackedRow Row)> Sampled { get; } = [];

        public int Rows { get; set; }

        public void Clear()
        {
            Offered.Clear();
            Terms.Clear();
            Sampled.Clear();
        }
    }

    /// <summary>One thread's buffers and the counts it keeps (sums, added up by <see cref="Finish"/>).</summary>
    private sealed class Worker(NumericStatisticsBuilder statistics, int terms, int profiled)
    {
        public double[] Block { get; set; } = [];

        public ulong[] Keys { get; set; } = [];

        public double[] Derived { get; set; } = [];

        public ValueCounts?[] Counts { get; } = [.. Enumerable.Range(0, statistics.Positions.Count + statistics.Derived.Count).Select(_ => statistics.Mode ? new ValueCounts(statistics.MaxDistinct) : null)];

        public HashSet<string>[] Seen { get; } = [.. Enumerable.Range(0, terms).Select(_ => new HashSet<string>(StringComparer.Ordinal))];

        public long[] Nulls { get; } = new long[profiled];

        public Dictionary<string, long>[] Categories { get; } = [.. Enumerable.Range(0, profiled).Select(_ => new Dictionary<string, long>(StringComparer.Ordinal))];

        public Dictionary<string, long> Labels { get; } = new(StringComparer.Ordinal);
    }
}
