using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Bench;

/// <summary>
/// A seeded wide synthetic table streamed to disk: a key, <c>columns</c> features (every 20th categorical with
/// 5 levels, the rest numeric with 1 % missing values) and a binary label drawn from a logistic model of the first
/// ten features, so a model can learn something.
/// </summary>
internal static class WideSnapshot
{
    /// <summary>The label column.</summary>
    public const string Label = "label";

    /// <summary>The unique key column.</summary>
    public const string Key = "id";

    private static readonly string[] Levels = ["a", "b", "c", "d", "e"];

    /// <summary>True for the feature columns that are categorical.</summary>
    public static bool IsCategorical(int feature) => feature % 20 == 19;

    /// <summary>Writes <paramref name="rows"/> rows of <paramref name="columns"/> features to <paramref name="path"/>.</summary>
    public static void Write(string path, int columns, long rows, int seed)
    {
        var header = new string[columns + 2];
        header[0] = Key;
        for (var f = 0; f < columns; f++) header[f + 1] = string.Create(CultureInfo.InvariantCulture, $"f{f}");
        header[^1] = Label;
        var random = new Random(seed);
        var row = new string?[header.Length];
        using var writer = new CsvSnapshotWriter(path, header);
        for (long id = 1; id <= rows; id++)
        {
            row[0] = id.ToString(CultureInfo.InvariantCulture);
            var score = -2.0;
            for (var f = 0; f < columns; f++)
            {
                if (IsCategorical(f))
                {
                    var level = random.Next(Levels.Length);
                    row[f + 1] = Levels[level];
                    if (f < 10) score += level - 2;
                    continue;
                }
                var value = Math.Round(random.NextDouble() * 100, 2);
                if (f < 10) score += (value - 50) / 25;
                row[f + 1] = random.NextDouble() < 0.01 ? null : value.ToString("0.##", CultureInfo.InvariantCulture);
            }
            row[^1] = random.NextDouble() < 1 / (1 + Math.Exp(-score)) ? "1" : "0";
            writer.WriteRow(row);
        }
        writer.Complete();
    }
}
