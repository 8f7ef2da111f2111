using System.Text.RegularExpressions;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// Issue 12: <c>./build.sh Init --data … --label rating --task recommendation</c>, then <c>./build.sh</c>, on the
/// example ratings table: the same targets split per user, search popularity / ALS / item-kNN, write ranking metrics,
/// gate on ndcg_at_10 and register the recommender.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class RecommendationTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Init_ThenBuild_ExampleRatings_RanksBetterThanPopularityAndRegisters()
    {
        _repo.Write("data/external/ratings.csv", File.ReadAllText(Path.Combine(SourceTree.Root, "data", "examples", "ratings.csv")));

        var init = _repo.Run("Init", "--data", "data/external/ratings.csv", "--label", "rating", "--task", "recommendation");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("interactions: user user_id, item item_id, time timestamp", init.Output, StringComparison.Ordinal);
        var yaml = _repo.Read("params.yaml");
        Assert.Contains("task: recommendation", yaml, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^  user: user_id", RegexOptions.Multiline), yaml);

        var result = _repo.Run(TimeSpan.FromMinutes(15), "--set", "train.budget=2", "--set", "model.name=recommender", "--set", $"deploy.host=http://127.0.0.1:{LoopbackPort.Free()}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = PipelineFiles.Metrics(_repo);
        Assert.All(new[] { "ndcg_at_10", "hit_rate_at_10", "recall_at_10", "precision_at_10", "map_at_10", "coverage", "rmse", "mae" }, k => Assert.Contains(k, metrics.Keys));
        Assert.DoesNotContain("auc", metrics.Keys);
        var trials = _repo.Read("reports/trials.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["als", "ease", "itemknn", "popularity", "puresvd"], trials.Select(t => t[1]).Distinct().Order());
        var popularity = double.Parse(trials.Single(t => t[1] == "popularity")[3], System.Globalization.CultureInfo.InvariantCulture);
        var best = trials.Max(t => double.Parse(t[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(best > popularity, $"validation ndcg_at_10: best {best}, popularity {popularity}");
        Assert.True(metrics["ndcg_at_10"] > 0.1, $"ndcg_at_10 {metrics["ndcg_at_10"]}");
        Assert.Matches(new Regex("^min +ndcg_at_10 ", RegexOptions.Multiline), _repo.Read("reports/gate.txt"));
        Assert.Contains("\"cold_start_items\"", _repo.Read("reports/split.json"), StringComparison.Ordinal);
        Assert.True(File.Exists(_repo.PathOf("reports/evaluation/metric_at_k.csv")), result.ToString());
        Assert.True(Directory.Exists(_repo.PathOf("models/registry/recommender/v0.0.1")), result.ToString());
    }
}
