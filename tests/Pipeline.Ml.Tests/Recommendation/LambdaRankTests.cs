using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Recommendation;

/// <summary>Issue 12 item 2: the LambdaRank re-ranker on side columns, in the recommendation search.</summary>
public sealed class LambdaRankTests : IDisposable
{
    private static readonly RecommendationColumns Columns = new("user_id", "item_id", "rating", "timestamp");
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The synthetic ratings with each item's genre (item i{n} is in genre (n - 1) mod groups) and each user's region (a user column).</summary>
    private string WithSideColumns(string name, int users = 150, int items = 120, int groups = 6)
    {
        var lines = SyntheticRatings.Csv(users, items, groups, seed: 5).TrimEnd('\n').Split('\n');
        return _dir.Write(name, string.Join('\n', [lines[0] + ",genre,region", .. lines.Skip(1).Select(l => l.Split(',') is var f
            ? $"{l},g{(int.Parse(f[1][1..], System.Globalization.CultureInfo.InvariantCulture) - 1) % groups},r{int.Parse(f[0][1..], System.Globalization.CultureInfo.InvariantCulture) % 3}"
            : l)]) + "\n");
    }

    [Fact]
    public void Train_TableWithSideColumns_ReRankerCompetesOnValidationAndWinsOverItsBase_ByteIdenticalModel()
    {
        var csv = WithSideColumns("side.csv");
        var options = new RecommenderTrainOptions { Models = [PopularityScorer.Kind, LambdaRankScorer.Kind], Budget = 1, Seed = 7 };

        var first = RecommenderTrainer.Run(csv, Columns, options, new TrainOutputs(_dir.Path("a/model.zip"), _dir.Path("a/trials.csv")));
        RecommenderTrainer.Run(csv, Columns, options, new TrainOutputs(_dir.Path("b/model.zip"), _dir.Path("b/trials.csv")));

        Assert.Equal([PopularityScorer.Kind, LambdaRankScorer.Kind], first.Trials.Select(t => t.Config.Model));
        var (popularity, reranker) = (first.Trials[0], first.Trials[1]);
        Assert.Equal(0, reranker.Config.Params["base_trial"]);
        Assert.True(reranker.Scores.Ndcg > popularity.Scores.Ndcg, $"lambdarank {reranker.Scores.Ndcg} vs its base, popularity, {popularity.Scores.Ndcg}");
        Assert.Equal(LambdaRankScorer.Kind, first.Best.Config.Model);
        Assert.Equal(File.ReadAllBytes(_dir.Path("a/model.zip")), File.ReadAllBytes(_dir.Path("b/model.zip")));
        Assert.Equal(File.ReadAllBytes(_dir.Path("a/trials.csv")), File.ReadAllBytes(_dir.Path("b/trials.csv")));
        Assert.Contains("lambdarank,base_trial=0;candidates=50;", File.ReadAllText(_dir.Path("a/trials.csv")), StringComparison.Ordinal);

        // NOTE: served through the same contract: top k unseen items, best first; unknown users get popularity.
        var model = RecommenderModel.Load(_dir.Path("a/model.zip"));
        Assert.Equal(LambdaRankScorer.Kind, model.Kind);
        var (items, cold) = model.Recommend("u3", 10);
        Assert.False(cold);
        Assert.Equal(10, items.Count);
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.DoesNotContain(items, i => model.HasSeen(model.UserIndex("u3"), model.ItemIndex(i.Item)));
        Assert.Equal(items.Select(i => i.Score), model.Score([.. items.Select(_ => "u3")], [.. items.Select(i => i.Item)]));
        Assert.True(model.Recommend("stranger", 3).ColdStart);
    }

    [Fact]
    public void Train_TableWithoutSideColumns_ReRankerIsNotOffered()
    {
        var csv = _dir.Write("plain.csv", SyntheticRatings.Csv(users: 60, items: 50, groups: 4, seed: 5));

        var result = RecommenderTrainer.Run(csv, Columns, new RecommenderTrainOptions { Models = [PopularityScorer.Kind, LambdaRankScorer.Kind], Budget = 2, Seed = 7 }, new TrainOutputs(_dir.Path("p/model.zip"), _dir.Path("p/trials.csv")));

        Assert.Equal([PopularityScorer.Kind], result.Trials.Select(t => t.Config.Model));
        Assert.DoesNotContain(LambdaRankScorer.Kind, File.ReadAllText(_dir.Path("p/trials.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Ensemble_ReproducesMlNetsOwnScoresOfTheTrainedRanker()
    {
        var table = InteractionTable.Read(WithSideColumns("side.csv", users: 80, items: 60), Columns);
        var split = UserSplit.Split(table.Interactions, seed: 3);
        var matrix = InteractionMatrix.Build(split.Train);
        var untrained = new LambdaRankScorer(PopularityScorer.Fit(matrix), RankFeatures.Build(table, Columns, matrix)!, 30, null);
        var rows = LambdaRankTrainer.Rows(untrained, matrix, split.Test, explicitRatings: true, relevantAt: 4, CancellationToken.None);
        var hyper = new Dictionary<string, double> { ["trees"] = 40, ["leaves"] = 7, ["learning_rate"] = 0.1 };

        var (trees, model, data) = LambdaRankTrainer.Fit(rows, untrained.Features.Count, hyper, seed: 7);

        var expected = model.Transform(data).GetColumn<float>("Score").ToArray();
        Assert.Equal(rows.Count, expected.Length);
        Assert.Equal(40, trees.Count);
        Assert.Contains(expected, s => s != expected[0]);
        for (var n = 0; n < rows.Count; n++) Assert.Equal(expected[n], trees.Evaluate(rows[n].Features), 1e-5);
    }
}
