using System.Collections;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// A seeded train/test split. With a key column (data.key) each row's side follows from its key, see
/// <see cref="KeyedSplit"/>. Without one it is stratified by label class for classification: each class holds out exactly
/// round(n · fraction) of its rows. Two streaming passes. Up to <see cref="ShuffleLimit"/> rows the held-out rows
/// are chosen by a seeded shuffle per class (one int per row); above it by seeded selection sampling (Knuth's
/// algorithm S: row by row, held out with probability still-to-take / still-to-see of its class), whose memory is one
/// counter per class whatever the row count.
/// </summary>
internal static class TrainTestSplit
{
    /// <summary>Rows up to which the per-class shuffle is used (100,000: 400 KB of row numbers).</summary>
    public const int ShuffleLimit = 100_000;

    /// <summary>
    /// Writes the rows of <paramref name="source"/> to train and test files (header kept); returns the counts.
    /// <paramref name="shuffleLimit"/> (tests only) lowers the row count above which selection sampling is used; cancelling
    /// <paramref name="cancellation"/> stops the passes (nothing is left at the two paths). <paramref name="onTrain"/> gets
    /// every train row in the order it is written, so a caller can summarise train.csv without reading it again.
    /// </summary>
    // NOTE: rows are read into CsvRows (no string per field): the label becomes a string only for a new class.
    public static (long Train, long Test) Run(string source, DatasetSchema schema, double testFraction, int seed, string trainPath, string testPath, int shuffleLimit = ShuffleLimit, BackgroundRows? onTrain = null, CancellationToken cancellation = default)
    {
        if (testFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "featurize.test_fraction must be between 0 and 1 (exclusive).");
        if (schema.Key is { } key)
        {
            using var keyed = new CsvSnapshotReader(source);
            var keyIndex = keyed.Header.ToList().IndexOf(key);
            if (keyIndex < 0) throw new InvalidDataException($"{source} has no key column '{key}' (data.key); columns: {string.Join(", ", keyed.Header)}.");
            return KeyedSplit.Run(keyed, keyIndex, testFraction, seed, trainPath, testPath, onTrain, cancellation);
        }
        var strata = Strata(source, schema, shuffleLimit, cancellation);
        var rows = strata.Values.Sum(s => s.Count);
        var isTest = rows <= shuffleLimit ? Shuffled(strata, testFraction, seed) : null;
        var toTake = strata.ToDictionary(s => s.Key, s => Take(s.Value.Count, testFraction), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var toSee = strata.ToDictionary(s => s.Key, s => s.Value.Count, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var random = new Random(seed);
        using var reader = new CsvSnapshotReader(source);
        var labelIndex = LabelIndex(reader, schema);
        var row = 0;
        return Write(reader, trainPath, testPath, onTrain, (rows, last) =>
        {
            if (isTest is not null) return isTest[row++];
            var stratum = StratumOf(rows, last, labelIndex);
            var held = random.NextInt64(toSee[stratum]) < toTake[stratum];
            toSee[stratum]--;
            if (held) toTake[stratum]--;
            return held;
        }, cancellation);
    }

    /// <summary>
    /// Writes each row of <paramref name="reader"/> to the test file when <paramref name="isTest"/> says so (given the rows
    /// and the row's index in them), else to the train file and <paramref name="onTrain"/>; returns the counts.
    /// </summary>
    internal static (long Train, long Test) Write(CsvSnapshotReader reader, string trainPath, string testPath, BackgroundRows? onTrain, Func<CsvRows, int, bool> isTest, CancellationToken cancellation)
    {
        long train = 0, test = 0;
        using var trainWriter = new CsvSnapshotWriter(trainPath, reader.Header);
        using var testWriter = new CsvSnapshotWriter(testPath, reader.Header);
        var rows = onTrain?.Block ?? new CsvRows();
        while (true)
        {
            if (((train + test) & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            if (!reader.ReadRow(rows)) break;
            var last = rows.Count - 1;
            if (isTest(rows, last))
            {
                testWriter.WriteRow(rows, last);
                rows.RemoveLast();
                test++;
                continue;
            }
            trainWriter.WriteRow(rows, last);
            train++;
            if (onTrain is null) rows.Clear();
            else { onTrain.Keep(); rows = onTrain.Block; }
        }
        trainWriter.Complete();
        testWriter.Complete();
        return (train, test);
    }

    private static long Take(long rows, double testFraction) => (long)Math.Round(rows * testFraction, MidpointRounding.AwayFromZero);

    private static int LabelIndex(CsvSnapshotReader reader, DatasetSchema schema) =>
        schema.Task == MlTask.Regression ? -1 : reader.Header.ToList().IndexOf(schema.Label);

    private static ReadOnlySpan<char> StratumOf(CsvRows rows, int row, int labelIndex) => labelIndex < 0 ? "" : rows.Field(row, labelIndex);

    /// <summary>Each stratum's row count, with its row numbers while the file has at most <see cref="ShuffleLimit"/> rows.</summary>
    private static Dictionary<string, Stratum> Strata(string source, DatasetSchema schema, int shuffleLimit, CancellationToken cancellation)
    {
        var strata = new Dictionary<string, Stratum>(StringComparer.Ordinal);
        var lookup = strata.GetAlternateLookup<ReadOnlySpan<char>>();
        using var reader = new CsvSnapshotReader(source);
        var labelIndex = LabelIndex(reader, schema);
        var rows = new CsvRows();
        var row = 0;
        while (true)
        {
            if ((row & 1023) == 0) cancellation.ThrowIfCancellationRequested();
            rows.Clear();
            if (!reader.ReadRow(rows)) break;
            var key = StratumOf(rows, 0, labelIndex);
            if (!lookup.TryGetValue(key, out var stratum)) lookup[key] = stratum = new Stratum();
            stratum.Count++;
            if (row < shuffleLimit) stratum.Rows.Add(row);
            if (++row == shuffleLimit + 1) foreach (var s in strata.Values) { s.Rows.Clear(); s.Rows.TrimExcess(); }
        }
        return strata;
    }

    private static BitArray Shuffled(Dictionary<string, Stratum> strata, double testFraction, int seed)
    {
        var isTest = new BitArray((int)strata.Values.Sum(s => s.Count));
        var random = new Random(seed);
        foreach (var (_, stratum) in strata.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var shuffled = stratum.Rows.ToArray();
            random.Shuffle(shuffled);
            foreach (var index in shuffled.Take((int)Take(shuffled.Length, testFraction))) isTest[index] = true;
        }
        return isTest;
    }

    /// <summary>One label class's rows.</summary>
    private sealed class Stratum
    {
        /// <summary>Rows of the class.</summary>
        public long Count { get; set; }

        /// <summary>Their row numbers (only while the file is small enough to shuffle).</summary>
        public List<int> Rows { get; } = [];
    }
}
