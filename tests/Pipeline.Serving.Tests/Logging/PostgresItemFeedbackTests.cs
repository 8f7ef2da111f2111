using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Formats.PredictionLog;
using Pipeline.Monitoring.Recommendations;
using Pipeline.Monitoring.Reports;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>
/// Issue 12 item 5 on the PostgreSQL prediction log: recommendations logged by a real host, clicks and ratings on
/// their items through <c>POST /v1/feedback</c>, read back by the log's own join (<see cref="PredictionLogQueries.ItemFeedbackSince"/>,
/// the statement Monitor's online hit rate reads) on a real server, and Monitor's recommendation report read from that
/// server (the log's connection string as its location), each run in its own schema.
/// </summary>
[Collection(ServingCollection.Name)]
public sealed class PostgresItemFeedbackTests(RecommenderFixture recommender, ServingFixture fixture) : IClassFixture<RecommenderFixture>
{
    [PostgresFact]
    public async Task Recommendations_ThenItemFeedback_StoredInPostgresAndJoinedWithTheirRecommendation()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var schema = "serving_items_" + Guid.NewGuid().ToString("N")[..12];
        await PostgresTestDb.ExecAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
            var host = await RunningHost.StartAsync(fixture, o => o with { RootDirectory = recommender.Root, ModelName = RecommenderFixture.Model, PostgresConnectionString = connection });
            var users = recommender.Split.Train.Select(x => x.User).Distinct(StringComparer.Ordinal).Take(3).ToList();
            var answers = new List<(string Id, List<string> Items)>();
            foreach (var user in users) answers.Add(await RecommendAsync(host, user));
            var (a, b, c) = (answers[0], answers[1], answers[2]);

            using var stored = await host.Http.PostAsJsonAsync("/v1/feedback", new object[]
            {
                new { request_id = a.Id, item = a.Items[2], label = 1 }, new { request_id = a.Id, item = a.Items[0], label = 0 },
                new { request_id = b.Id, item = b.Items[9], label = 5 },
            });
            using var again = await host.Http.PostAsJsonAsync("/v1/feedback", new object[] { new { request_id = c.Id, item = c.Items[0], label = 1 }, new { request_id = a.Id, item = a.Items[2], label = 0 } });
            var notReturned = recommender.Recommender.Items.First(i => !c.Items.Contains(i));
            using var wrong = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = c.Id, item = notReturned, label = 1 });
            using var unknown = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = "never-recommended", item = a.Items[0], label = 1 });
            var log = host.App.Services.GetRequiredService<PredictionLog>();
            await host.DisposeAsync();

            Assert.True(stored.StatusCode == HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
            Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (again.StatusCode, wrong.StatusCode, unknown.StatusCode));
            Assert.Contains($"'{a.Id}/{a.Items[2]}' already has a label", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(("PostgreSQL", 3L, 0L), (log.Store.Description, log.Written, log.Failed));
            var expected = new[] { (a.Id, a.Items[0], "0"), (a.Id, a.Items[2], "1"), (b.Id, b.Items[9], "5") }
                .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal);
            Assert.Equal(expected, await ItemFeedbackSinceAsync(connection, DateTimeOffset.UnixEpoch));
            Assert.Empty(await ItemFeedbackSinceAsync(connection, DateTimeOffset.MaxValue));
            Assert.Equal(3L, await PostgresTestDb.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM item_feedback f JOIN predictions p ON p.request_id = f.request_id AND p.trace_id = f.trace_id AND p.model = 'recommender'"));

            // NOTE: Monitor on the same log: a and b got a positive label (a click; a rating 5), c none: hit rate 2/3.
            var (trainUsers, trainItems) = recommender.Recommender.TrainingCounts();
            var inputs = new MonitoringInputs(connection, Path.Combine(recommender.Root, "work", "train.csv"), Path.Combine(recommender.Root, "no-metrics.json"))
            {
                Recommendation = new RecommendationReference(trainUsers, trainItems),
            };
            var report = MonitoringRun.Build(inputs, new MonitoringOptions { MinimumPredictions = 3, MinimumLabels = 2, RecommendMinHitRate = 0.5, RetrainOnDrift = false });
            using var json = JsonDocument.Parse(report.ToJson());
            var section = json.RootElement.GetProperty("recommendation");
            Assert.Equal((3, 3), (section.GetProperty("requests").GetInt32(), section.GetProperty("feedback_items").GetInt32()));
            Assert.Equal(2 / 3.0, section.GetProperty("hit_rate").GetDouble(), 6);
            Assert.False(section.GetProperty("below_threshold").GetBoolean());
        }
        finally
        {
            await PostgresTestDb.ExecAsync(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task<(string Id, List<string> Items)> RecommendAsync(RunningHost host, string user)
    {
        using var response = await host.Http.PostAsJsonAsync($"/v1/models/{RecommenderFixture.Model}:recommend", new { user_id = user, k = 10 });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("request_id").GetString()!;
        var items = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString()!).ToList();
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);
        return (id, items);
    }

    private static async Task<List<(string, string, string)>> ItemFeedbackSinceAsync(string connection, DateTimeOffset since)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(PredictionLogQueries.ItemFeedbackSince, db);
        command.Parameters.AddWithValue("since", PredictionLogTime.Text(since));
        var rows = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }
}
