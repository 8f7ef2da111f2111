using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Monitoring.Recommendations;
using Pipeline.Monitoring.Reports;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Rest;

/// <summary>
/// Issue 12 item 5: the recommendation closed loop on a real host and its real SQLite log: clicks and ratings on
/// returned items through POST /v1/feedback, the online hit rate and activity drift Monitor computes from them, and
/// the retrain decision when the hit rate falls below monitor.recommend.min_hit_rate.
/// </summary>
[Collection(ServingCollection.Name)]
public sealed class RecommendationFeedbackTests(RecommenderFixture recommender, ServingFixture fixture) : IClassFixture<RecommenderFixture>
{
    private static readonly MonitoringOptions Options = new()
    {
        MinimumPredictions = 50, MinimumLabels = 20, RecommendMinHitRate = 0.3, RetrainOnDrift = false,
    };

    [Fact]
    public async Task ItemFeedback_OnAReturnedItem_IsStoredWithItsRequestAndItem()
    {
        await using var host = await StartAsync();
        var (id, items) = await RecommendAsync(host, recommender.Split.Train[0].User);

        var response = await FeedbackAsync(host, new[] { new { request_id = id, item = items[1], label = 1 }, new { request_id = id, item = items[0], label = 0 } });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await using var db = new SqliteConnection($"Data Source={host.LogPath}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT item, label FROM item_feedback WHERE request_id = $id ORDER BY item";
        query.Parameters.AddWithValue("$id", id);
        var rows = new List<(string, string)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        Assert.Equal(new[] { (items[0], "0"), (items[1], "1") }.OrderBy(r => r.Item1, StringComparer.Ordinal), rows);
    }

    [Fact]
    public async Task ItemFeedback_ItemNotReturnedOrLabelledTwice_IsRefusedAndNothingStored()
    {
        await using var host = await StartAsync();
        var (id, items) = await RecommendAsync(host, recommender.Split.Train[0].User);
        var notReturned = recommender.Recommender.Items.First(i => !items.Contains(i));

        var wrong = await FeedbackAsync(host, new[] { new { request_id = id, item = items[0], label = 1 }, new { request_id = id, item = notReturned, label = 1 } });
        var first = await FeedbackAsync(host, new { request_id = id, item = items[0], label = 1 });
        var again = await FeedbackAsync(host, new { request_id = id, item = items[0], label = 5 });
        var unknown = await FeedbackAsync(host, new { request_id = "never-recommended", item = items[0], label = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"body[1].item: '{notReturned}' is not one of the 10 items recommendation '{id}' returned", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(20, true)]
    public async Task Monitor_HitRateFromClicks_RetrainsOnlyBelowTheThreshold(int clicked, bool retrain)
    {
        await using var host = await StartAsync();
        // NOTE: users drawn in proportion to their training interactions, as the activity reference counts them.
        var users = recommender.Split.Train.Where((_, i) => i % 7 == 0).Select(x => x.User).Take(120).ToList();
        var feedback = new List<object>();
        for (var n = 0; n < users.Count; n++)
        {
            var (id, items) = await RecommendAsync(host, users[n]);
            if (n < clicked) feedback.Add(new { request_id = id, item = items[n % 3], label = 1 });
            else if (n % 2 == 0) feedback.Add(new { request_id = id, item = items[0], label = 0 });
        }

        var stored = await FeedbackAsync(host, feedback);
        Assert.True(stored.StatusCode == HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());

        var report = MonitoringRun.Build(InputsOf(host), Options);
        var decision = RetrainDecision.From(report, Options);

        using var json = JsonDocument.Parse(report.ToJson());
        var section = json.RootElement.GetProperty("recommendation");
        Assert.Equal(120, section.GetProperty("requests").GetInt32());
        Assert.Equal(clicked / 120.0, section.GetProperty("hit_rate").GetDouble(), 6);
        Assert.Equal(clicked / 120.0, section.GetProperty("hit_rate_at").GetProperty("5").GetDouble(), 6);
        Assert.Equal(retrain, section.GetProperty("below_threshold").GetBoolean());
        Assert.Equal(retrain, decision.Retrain);
        Assert.Equal(retrain, report.Verdict == MonitoringVerdict.Degraded);
        Assert.Equal(retrain, decision.Reasons.Any(r => r.StartsWith("Online hit rate", StringComparison.Ordinal) && r.Contains("below monitor.recommend.min_hit_rate 0.3", StringComparison.Ordinal)));
        Assert.Equal(["item_popularity_rank", "user_activity"], report.Drift.Columns.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Online hit rate", report.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_TrafficOfColdStartUsers_DriftsOnUserActivity()
    {
        await using var host = await StartAsync();
        for (var n = 0; n < 60; n++) await RecommendAsync(host, $"new-user-{n}");

        var report = MonitoringRun.Build(InputsOf(host), Options);

        var activity = report.Drift.Columns.Single(c => c.Name == "user_activity");
        Assert.True(activity.Drift, $"{activity.Method} statistic {activity.Statistic} p {activity.PValue}");
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(60, json.RootElement.GetProperty("recommendation").GetProperty("cold_start").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("recommendation").GetProperty("hit_rate").ValueKind);
        Assert.True(report.Drift.DatasetDrift);
        var decision = RetrainDecision.From(report, retrainOnDrift: true);
        Assert.False(decision.Retrain, string.Join(" ", decision.Reasons));
        Assert.Contains("Activity drift only: a recommender retrains when its hit rate falls.", decision.Reasons);
    }

    private MonitoringInputs InputsOf(RunningHost host)
    {
        var (users, items) = recommender.Recommender.TrainingCounts();
        return new MonitoringInputs(host.LogPath, Path.Combine(recommender.Root, "work", "train.csv"), Path.Combine(recommender.Root, "no-metrics.json"))
        {
            Recommendation = new RecommendationReference(users, items),
        };
    }

    private Task<RunningHost> StartAsync() =>
        RunningHost.StartAsync(fixture, o => o with { RootDirectory = recommender.Root, ModelName = RecommenderFixture.Model });

    private static async Task<(string Id, List<string> Items)> RecommendAsync(RunningHost host, string user)
    {
        var response = await host.Http.PostAsJsonAsync($"/v1/models/{RecommenderFixture.Model}:recommend", new { user_id = user, k = 10 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("request_id").GetString()!;
        var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString()!).ToList();
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);
        return (id, items);
    }

    private static Task<HttpResponseMessage> FeedbackAsync(RunningHost host, object body) => host.Http.PostAsJsonAsync("/v1/feedback", body);
}
