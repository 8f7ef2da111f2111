using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Ingest.Feedback;

namespace Pipeline.Ml.Tests.Training;

/// <summary>
/// A seeded binary table with a key column: source rows (keys 1, 2, …; about 5 % positive) followed by labelled
/// served traffic (keys the closed loop makes; about 45 % positive, a prior and covariate shift).
/// </summary>
internal sealed class KeyedRow
{
    public string Id { get; set; } = "";

    public float X1 { get; set; }

    public float X2 { get; set; }

    [ColumnName("Label_")]
    public bool Label { get; set; }

    public bool IsTraffic => FeedbackKey.IsFeedback(Id);

    public static List<KeyedRow> Generate(int sourceRows, int trafficRows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, sourceRows + trafficRows).Select(i =>
        {
            var traffic = i >= sourceRows;
            var (x1, x2) = ((float)(random.NextDouble() * 4 - 2), (float)(random.NextDouble() * 4 - 2));
            var z = 2 * x1 - x2 + (traffic ? 0.5 : -3.5);
            var id = traffic ? FeedbackKey.Of($"request-{seed}-{i}") : (i + 1).ToString(CultureInfo.InvariantCulture);
            return new KeyedRow { Id = id, X1 = x1, X2 = x2, Label = 1 / (1 + Math.Exp(-z)) > random.NextDouble() };
        }).ToList();
    }

    public static ITransformer Featurizer(MLContext ml, IDataView raw) =>
        ml.Transforms.Concatenate("Features", "X1", "X2").Append(ml.Transforms.CopyColumns("Label", "Label_")).Fit(raw);
}
