using System.Text.Json;
using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Ingest.Feedback;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public sealed class ThresholdChoiceTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("threshold-");

    public void Dispose() => root.Delete(recursive: true);

    // NOTE: the traffic rows' base rate (about 45 %) is far from the source rows' (about 5 %): the recorded rate shows
    // which validation rows the threshold was chosen on, so a mask out of step with the predictions would fail here.
    [Fact]
    public void Train_WithKeyColumn_ChoosesTheThresholdOnTheValidationRowsThatAreLabelledTraffic()
    {
        var rows = KeyedRow.Generate(3000, 1500, seed: 9);
        var ml = new MLContext(1);
        var raw = ml.Data.LoadFromEnumerable(rows);
        var featurizer = KeyedRow.Featurizer(ml, raw);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 2, Seed = 3, Trainers = ["lbfgs"], Parallel = 1 };
        var outputs = new TrainOutputs(Path.Combine(root.FullName, "model.zip"), Path.Combine(root.FullName, "trials.csv"));

        ModelTrainer.Run(raw, featurizer, options with { KeyColumn = "Id" }, outputs);
        using var keyed = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root.FullName, "model.json")));
        ModelTrainer.Run(raw, featurizer, options, outputs);
        using var unkeyed = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root.FullName, "model.json")));

        var (trafficRate, allRate) = (rows.Skip(3000).Average(r => r.Label ? 1.0 : 0), rows.Average(r => r.Label ? 1.0 : 0));
        Assert.True(trafficRate - allRate > 0.2, $"traffic {trafficRate}, all {allRate}");
        Assert.Equal("labelled_traffic", keyed.RootElement.GetProperty("threshold_rows").GetString());
        Assert.InRange(keyed.RootElement.GetProperty("threshold_row_count").GetInt32(), 200, 400);
        Assert.InRange(keyed.RootElement.GetProperty("expected_positive_rate").GetDouble(), trafficRate - 0.08, trafficRate + 0.08);
        Assert.Equal("validation", unkeyed.RootElement.GetProperty("threshold_rows").GetString());
        Assert.InRange(unkeyed.RootElement.GetProperty("expected_positive_rate").GetDouble(), allRate - 0.05, allRate + 0.05);
        Assert.NotEqual(unkeyed.RootElement.GetProperty("threshold").GetDouble(), keyed.RootElement.GetProperty("threshold").GetDouble());
    }

    // Old rows: 2 % positive, scores low; traffic rows: 30 % positive and higher scores (prior and covariate shift).
    private static (PredictionSet Set, bool[] Traffic) Rows(int oldRows, int trafficRows, int seed = 5)
    {
        var random = new Random(seed);
        var labels = new List<double>();
        var scores = new List<double>();
        var traffic = new List<bool>();
        for (var i = 0; i < oldRows + trafficRows; i++)
        {
            var isTraffic = i >= oldRows;
            var positive = random.NextDouble() < (isTraffic ? 0.3 : 0.02);
            var score = Math.Clamp((positive ? 0.45 : 0.1) + (isTraffic ? 0.2 : 0) + (random.NextDouble() - 0.5) * 0.5, 0, 1);
            labels.Add(positive ? 1 : 0);
            scores.Add(score);
            traffic.Add(isTraffic);
        }

        return (new PredictionSet([.. labels], [.. scores], [], 2), [.. traffic]);
    }

    [Fact]
    public void Choose_EnoughLabelledTraffic_ChoosesOnThoseRowsForAccuracyAndSaysSo()
    {
        var (set, traffic) = Rows(3000, 600);
        var choice = ThresholdChoice.Choose(set, traffic, costFnFp: null);

        var trafficLabels = set.Labels.Where((_, i) => traffic[i]).ToArray();
        var trafficScores = set.Scores.Where((_, i) => traffic[i]).ToArray();
        Assert.Equal("labelled_traffic", choice.Rows);
        Assert.Equal(600, choice.RowCount);
        Assert.Equal("min_cost(cost_fn_fp=1)", choice.Rule);
        Assert.Equal(BinaryMetrics.Threshold(trafficLabels, trafficScores, 1), choice.Threshold);
        Assert.NotEqual(BinaryMetrics.Threshold(set.Labels, set.Scores, null), choice.Threshold);
        Assert.Equal(trafficLabels.Average(), choice.PositiveRate, 12);
        Assert.Equal(trafficScores.Count(s => s >= choice.Threshold) / 600.0, choice.PredictedPositiveRate, 12);
    }

    [Fact]
    public void Choose_TooFewTrafficRowsOrNoMarks_ChoosesOnEveryValidationRow()
    {
        var (set, traffic) = Rows(3000, TrafficRows.MinRows - 1);
        var all = BinaryMetrics.Threshold(set.Labels, set.Scores, null);

        Assert.Equal(("validation", all, set.Count), Of(ThresholdChoice.Choose(set, traffic, null)));
        Assert.Equal(("validation", all, set.Count), Of(ThresholdChoice.Choose(set, null, null)));
        Assert.Equal("best_f1", ThresholdChoice.Choose(set, null, null).Rule);
    }

    [Fact]
    public void Choose_WithCostRatio_MinimisesCostAndNamesTheRule()
    {
        var (set, traffic) = Rows(3000, 600);
        var choice = ThresholdChoice.Choose(set, traffic, costFnFp: 5);

        Assert.Equal("min_cost(cost_fn_fp=5)", choice.Rule);
        Assert.Equal(BinaryMetrics.Threshold([.. set.Labels.Where((_, i) => traffic[i])], [.. set.Scores.Where((_, i) => traffic[i])], 5), choice.Threshold);
    }

    [Theory]
    [InlineData("42", false)]
    [InlineData("", false)]
    [InlineData("abc", false)]
    [InlineData("4503599627370495", false)]
    [InlineData("9007199254740992", false)]
    public void IsFeedback_SourceKeys_AreNot(string key, bool expected) => Assert.Equal(expected, FeedbackKey.IsFeedback(key));

    [Fact]
    public void IsFeedback_KeysMadeFromRequestIds_Are() =>
        Assert.All(["r-1", "0f8fad5b-d9cb-469f-a165-70867728950e", "x"], id => Assert.True(FeedbackKey.IsFeedback(FeedbackKey.Of(id))));

    private static (string, double, int) Of(ThresholdChoice c) => (c.Rows, c.Threshold, c.RowCount);
}
