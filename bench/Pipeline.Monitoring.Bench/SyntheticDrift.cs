using System.Globalization;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Bench;

/// <summary>Seeded reference/current datasets: 20 numeric and 5 categorical columns, a few shifted in the current one.</summary>
internal static class SyntheticDrift
{
    /// <summary>Numeric columns per dataset.</summary>
    public const int NumericColumns = 20;

    /// <summary>Categorical columns per dataset.</summary>
    public const int CategoricalColumns = 5;

    private static readonly string[] Categories = Enumerable.Range(0, 12)
        .Select(i => string.Create(CultureInfo.InvariantCulture, $"category-{i:D2}")).ToArray();

    /// <summary>The reference (no shift) and the current data (numeric columns 0-3 and categorical 0-1 shifted).</summary>
    public static (DriftDataset Reference, DriftDataset Current) Create(int rows, int seed) =>
        (Dataset(rows, new Random(seed), shifted: false), Dataset(rows, new Random(seed + 1), shifted: true));

    private static DriftDataset Dataset(int rows, Random random, bool shifted)
    {
        var columns = new List<DatasetColumn>();
        for (var c = 0; c < NumericColumns; c++)
        {
            var shift = shifted && c < 4 ? 0.25 * (c + 1) : 0.0;
            var values = new double?[rows];
            for (var r = 0; r < rows; r++)
            {
                // NOTE: every 7th column has ~1% missing values and is rounded to 2 decimals (many ties), like real features.
                if (c % 7 == 0 && random.Next(100) == 0) continue;
                var v = c * 10 + shift + Normal(random) * (1 + c % 3);
                values[r] = c % 7 == 0 ? Math.Round(v, 2) : v;
            }

            columns.Add(DatasetColumn.Numeric(string.Create(CultureInfo.InvariantCulture, $"num{c:D2}"), values));
        }

        for (var c = 0; c < CategoricalColumns; c++)
        {
            var skew = shifted && c < 2 ? 0.5 : 1.0;
            var labels = new string?[rows];
            for (var r = 0; r < rows; r++)
            {
                var u = Math.Pow(random.NextDouble(), skew);
                labels[r] = Categories[(int)(u * Categories.Length) % Categories.Length];
            }

            columns.Add(DatasetColumn.Categorical(string.Create(CultureInfo.InvariantCulture, $"cat{c}"), labels));
        }

        return new DriftDataset(columns);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
