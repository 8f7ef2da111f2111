using System.Collections;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// A seeded train/test split, stratified by label class for classification: each class holds out
/// round(n · fraction) of its rows, chosen by a seeded shuffle. Two streaming passes; memory is one int per row.
/// </summary>
internal static class TrainTestSplit
{
    /// <summary>Writes the rows of <paramref name="source"/> to train and test files (header kept); returns the counts.</summary>
    public static (long Train, long Test) Run(string source, DatasetSchema schema, double testFraction, int seed, string trainPath, string testPath)
    {
        if (testFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "featurize.test_fraction must be between 0 and 1 (exclusive).");
        var isTest = ChooseTest(source, schema, testFraction, seed);
        long train = 0, test = 0;
        using var reader = new CsvSnapshotReader(source);
        using var trainWriter = new CsvSnapshotWriter(trainPath, reader.Header);
        using var testWriter = new CsvSnapshotWriter(testPath, reader.Header);
        var row = 0;
        foreach (var fields in reader.ReadRows())
        {
            if (isTest[row++]) { testWriter.WriteRow(fields); test++; }
            else { trainWriter.WriteRow(fields); train++; }
        }
        trainWriter.Complete();
        testWriter.Complete();
        return (train, test);
    }

    private static BitArray ChooseTest(string source, DatasetSchema schema, double testFraction, int seed)
    {
        var strata = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        using var reader = new CsvSnapshotReader(source);
        var labelIndex = reader.Header.ToList().IndexOf(schema.Label);
        var row = 0;
        foreach (var fields in reader.ReadRows())
        {
            var stratum = schema.Task == MlTask.Regression || labelIndex < 0 ? "" : fields[labelIndex] ?? "";
            if (!strata.TryGetValue(stratum, out var rows)) strata[stratum] = rows = [];
            rows.Add(row++);
        }
        var isTest = new BitArray(row);
        var random = new Random(seed);
        foreach (var (_, rows) in strata.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            var take = (int)Math.Round(shuffled.Length * testFraction, MidpointRounding.AwayFromZero);
            foreach (var index in shuffled.Take(take)) isTest[index] = true;
        }
        return isTest;
    }
}
