using System.Globalization;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public sealed class ColumnTypeInferenceTests
{
    [Fact]
    public void Infer_MixedGeneratedTable_KindsPerColumn()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("mixed.csv");
        var random = new Random(3);
        string[] header = ["id", "amount", "flag", "yes_no", "day", "city", "comment", "code", "empty"];
        string[] cities = ["Paris", "Lyon", "Nice", "Lille", "Rennes"];
        string[] words = ["red", "green", "quick", "slow", "fox", "dog", "jumps", "over", "lazy", "river"];
        using (var writer = new CsvSnapshotWriter(path, header))
        {
            for (var i = 0; i < 500; i++)
            {
                writer.WriteRow([
                    i.ToString(CultureInfo.InvariantCulture),
                    i % 10 == 0 ? null : (random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture),
                    (i % 3 == 0 ? 1 : 0).ToString(CultureInfo.InvariantCulture),
                    i % 2 == 0 ? "Yes" : "no",
                    new DateTime(2024, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    cities[random.Next(cities.Length)],
                    string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)])),
                    "C" + random.Next(100_000).ToString(CultureInfo.InvariantCulture),
                    null,
                ]);
            }
            writer.Complete();
        }

        var columns = ColumnTypeInference.Infer(path);

        Assert.Equal(
            [ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Boolean, ColumnKind.Boolean, ColumnKind.Date,
             ColumnKind.Categorical, ColumnKind.Text, ColumnKind.Text, ColumnKind.Categorical],
            columns.Select(c => c.Kind));
        Assert.Equal(0.1, columns[1].NullRate, 6);
        Assert.True(columns[1].Nullable);
        Assert.Equal(0, columns[0].Min);
        Assert.Equal(499, columns[0].Max);
    }
}
