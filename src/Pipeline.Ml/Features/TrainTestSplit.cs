using System.Collections;
using Pipeline.Ml.Data;
using Pipeline.Ml.Validation;

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
        OutputFile.Write(trainPath, trainTemp => OutputFile.Write(testPath, testTemp =>
        {
            using var trainWriter = CsvRows.CreateWriter(trainTemp);
            using var testWriter = CsvRows.CreateWriter(testTemp);
            var row = -1;
            foreach (var record in CsvRows.Read(source))
            {
                if (row < 0) { CsvRows.Write(trainWriter, record.Fields); CsvRows.Write(testWriter, record.Fields); }
                else if (isTest[row]) { CsvRows.Write(testWriter, record.Fields); test++; }
                else { CsvRows.Write(trainWriter, record.Fields); train++; }
                row++;
            }
        }));
        return (train, test);
    }

    private static BitArray ChooseTest(string source, DatasetSchema schema, double testFraction, int seed)
    {
        var strata = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var labelIndex = -1;
        var row = -1;
        foreach (var record in CsvRows.Read(source))
        {
            if (row++ < 0) { labelIndex = Array.IndexOf(record.Fields, schema.Label); continue; }
            var stratum = schema.Task == MlTask.Regression || labelIndex < 0 ? "" : record.Fields[labelIndex] ?? "";
            if (!strata.TryGetValue(stratum, out var rows)) strata[stratum] = rows = [];
            rows.Add(row - 1);
        }
        var isTest = new BitArray(Math.Max(0, row));
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
