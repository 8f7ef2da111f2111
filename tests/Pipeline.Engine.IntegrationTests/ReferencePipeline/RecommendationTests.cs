using System.Text.RegularExpressions;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// Issue 12: <c>./build.sh Init --data … --label rating --task recommendation</c>, then <c>./build.sh</c>, on the
/// example ratings table: the same targets split per user, search popularity / ALS / item-kNN, write ranking metrics,
/// gate on ndcg_at_10 and register the recommender; then (item 5) <c>./build.sh Monitor</c> on a log of served
/// recommendations with too few clicks: the online hit rate against the registered model, and a degraded verdict.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class RecommendationTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Init_ThenBuild_ExampleRatings_ReportsTrainProgress_RanksBetterThanPopularityAndRegisters_ThenMonitorJudgesTheHitRate()
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
        // NOTE: output is redirected, so Train's progress is one plain line per scored candidate, as for the binary search.
        Assert.Matches(new Regex(@"^Train: 1/(\d) trials \(\d+%\) · best ndcg_at_10 0\.\d{4} \(\w+, trial 0\) · (\d+ s|\d+ min \d\d s) elapsed", RegexOptions.Multiline), result.Stdout);
        Assert.Matches(new Regex(@"^Train: (\d)/\1 trials \(100%\) · best ndcg_at_10 0\.\d{4} \(\w+, trial \d\)", RegexOptions.Multiline), result.Stdout);
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

        LogRecommendations(_repo.PathOf("data/serving/predictions.db"), requests: 120, clicked: 6);
        var monitor = _repo.Run("Monitor", "--set", "monitor.min_predictions=50", "--set", "monitor.min_labels=20", "--set", $"deploy.host=http://127.0.0.1:{LoopbackPort.Free()}");

        Assert.True(monitor.ExitCode != 0, monitor.ToString());
        Assert.Contains("Online hit rate 0.05 ", monitor.Output, StringComparison.Ordinal);
        Assert.Contains("below monitor.recommend.min_hit_rate 0.1", monitor.Output, StringComparison.Ordinal);
        using var report = System.Text.Json.JsonDocument.Parse(_repo.Read("reports/monitoring.json"));
        Assert.Equal("degraded", report.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(0.05, report.RootElement.GetProperty("recommendation").GetProperty("hit_rate").GetDouble(), 6);
        Assert.Equal("v0.0.1", report.RootElement.GetProperty("baseline_origin").GetProperty("version").GetString());
        Assert.Contains("user_activity", _repo.Read("reports/monitoring.html"), StringComparison.Ordinal);
    }

    /// <summary>
    /// A prediction log as the serving host writes it: <paramref name="requests"/> recommendations of items i1…i10 for
    /// users u1…, each fed back (a click on its second item for the first <paramref name="clicked"/>, else a 0).
    /// </summary>
    private static void LogRecommendations(string path, int requests, int clicked)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = """
            CREATE TABLE predictions (request_id TEXT PRIMARY KEY, time TEXT NOT NULL, model TEXT NOT NULL, model_version TEXT NOT NULL,
                variant TEXT NOT NULL, features TEXT NOT NULL, output TEXT NOT NULL, latency_ms REAL NOT NULL, trace_id TEXT NOT NULL DEFAULT '');
            CREATE TABLE feedback (request_id TEXT PRIMARY KEY, time TEXT NOT NULL, label TEXT NOT NULL, trace_id TEXT NOT NULL DEFAULT '');
            CREATE TABLE item_feedback (request_id TEXT NOT NULL, item TEXT NOT NULL, time TEXT NOT NULL, label TEXT NOT NULL,
                trace_id TEXT NOT NULL DEFAULT '', PRIMARY KEY (request_id, item));
            """;
        command.ExecuteNonQuery();
        var items = string.Join(",", Enumerable.Range(1, 10).Select(i => $$"""{"item":"i{{i}}","score":{{1.0 / i}}}"""));
        for (var n = 0; n < requests; n++)
        {
            var id = $"r{n:D4}";
            var time = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc).AddSeconds(n).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "INSERT INTO predictions VALUES ($id, $time, 'recommender', 'v0.0.1', 'stable', $features, $output, 0.1, ''); " +
                "INSERT INTO item_feedback VALUES ($id, 'i2', $time, $label, '')";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$time", time);
            command.Parameters.AddWithValue("$features", $$"""{"user_id":"u{{n % 40 + 1}}","k":10,"exclude":[]}""");
            command.Parameters.AddWithValue("$output", $$"""{"items":[{{items}}],"cold_start":false}""");
            command.Parameters.AddWithValue("$label", n < clicked ? "1" : "0");
            command.ExecuteNonQuery();
        }
    }
}
