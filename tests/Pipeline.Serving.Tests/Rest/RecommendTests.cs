using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Rest;

/// <summary>Issue 12 item 4: POST /v1/models/{name}:recommend answers top-k unseen items, popularity with cold_start for an unknown user, and logs each answer.</summary>
[Collection(ServingCollection.Name)]
public sealed class RecommendTests(RecommenderFixture recommender, ServingFixture fixture) : IClassFixture<RecommenderFixture>
{
    [Fact]
    public async Task Recommend_KnownUser_AnswersKUnseenItemsBestFirstAndLogsIt()
    {
        await using var host = await StartAsync();
        var user = recommender.Split.Train[0].User;
        var seen = recommender.Split.Train.Where(x => x.User == user).Select(x => x.Item).ToHashSet();

        var (status, body) = await RecommendAsync(host, new { user_id = user, k = 5 });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.DoesNotContain(i.GetProperty("item").GetString()!, seen));
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(recommender.Recommender.Recommend(user, 5).Items.Select(i => i.Item), items.Select(i => i.GetProperty("item").GetString()));
        Assert.False(body.GetProperty("cold_start").GetBoolean());
        Assert.Equal(RecommenderFixture.Model, body.GetProperty("model_name").GetString());
        // NOTE: the fixture's table has an item side column, so the search offers the re-ranker, and it wins: every
        // recommendation test of this host serves a lambdarank model through the same :recommend contract.
        Assert.Equal("lambdarank", recommender.Recommender.Kind);
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);
        await using var db = new SqliteConnection($"Data Source={host.LogPath}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT features, output FROM predictions WHERE request_id = $id";
        query.Parameters.AddWithValue("$id", body.GetProperty("request_id").GetString());
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal($$"""{"user_id":"{{user}}","k":5,"exclude":[]}""", reader.GetString(0));
        Assert.Contains(items[0].GetProperty("item").GetString()!, reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_UnknownUser_AnswersPopularityWithColdStart()
    {
        await using var host = await StartAsync();

        var (status, body) = await RecommendAsync(host, new { user_id = 424242 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("cold_start").GetBoolean());
        var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString()).ToList();
        Assert.Equal(10, items.Count);
        var popular = recommender.Split.Train.GroupBy(x => x.Item).OrderByDescending(g => g.Select(x => x.User).Distinct().Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(10);
        Assert.Equal(popular, items);
    }

    [Fact]
    public async Task Recommend_Exclude_LeavesThoseItemsOut()
    {
        await using var host = await StartAsync();
        var (_, first) = await RecommendAsync(host, new { user_id = "nobody", k = 3 });
        var top = first.GetProperty("items")[0].GetProperty("item").GetString();

        var (_, second) = await RecommendAsync(host, new { user_id = "nobody", k = 3, exclude = new[] { top } });

        Assert.DoesNotContain(top, second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString()));
    }

    [Fact]
    public async Task Recommend_FilterOnAnItemColumn_AnswersOnlyMatchingItemsAndLogsTheFilter()
    {
        await using var host = await StartAsync();
        var user = recommender.Split.Train[0].User;

        var (status, body) = await RecommendAsync(host, new { user_id = user, k = 5, filter = new { genre = new[] { "g2", "g4" } } });

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var items = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item").GetString()!).ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.Contains(RecommenderFixture.Genre(i), new[] { "g2", "g4" }));
        var filter = new Dictionary<string, IReadOnlyCollection<string>> { ["genre"] = ["g2", "g4"] };
        Assert.Equal(recommender.Recommender.Recommend(user, 5, null, filter).Items.Select(i => i.Item), items);
        Assert.Equal(["genre"], recommender.Recommender.ItemColumns);
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);
        await using var db = new SqliteConnection($"Data Source={host.LogPath}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT features FROM predictions WHERE request_id = $id";
        query.Parameters.AddWithValue("$id", body.GetProperty("request_id").GetString());
        Assert.Equal($$$"""{"user_id":"{{{user}}}","k":5,"exclude":[],"filter":{"genre":["g2","g4"]}}""", (string?)await query.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Recommend_FilterOnAColumnThatIsNotAnItemColumn_Is400NamingTheItemColumns()
    {
        await using var host = await StartAsync();

        var response = await host.Http.PostAsJsonAsync($"/v1/models/{RecommenderFixture.Model}:recommend", new { user_id = "u1", filter = new { mood = "m1" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("filter: 'mood' is not an item column of this model; it has: genre.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_OnARecommender_ScoresUserItemPairsAsRecommendRanksThem()
    {
        await using var host = await StartAsync();
        var user = recommender.Split.Train[0].User;
        var top = recommender.Recommender.Recommend(user, 2).Items;
        var popular = recommender.Recommender.Recommend("stranger", 1).Items[0];
        var request = new
        {
            inputs = new object[]
            {
                new { name = "user_id", datatype = "BYTES", shape = new[] { 4 }, data = new[] { user, user, "stranger", user } },
                new { name = "item_id", datatype = "BYTES", shape = new[] { 4 }, data = new[] { top[0].Item, top[1].Item, popular.Item, "no-such-item" } },
            },
        };

        var response = await host.Http.PostAsJsonAsync($"/v2/models/{RecommenderFixture.Model}/infer", request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var output = json.RootElement.GetProperty("outputs")[0];
        Assert.Equal("score", output.GetProperty("name").GetString());
        Assert.Equal("FP64", output.GetProperty("datatype").GetString());
        var data = output.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(top[0].Score, data[0].GetDouble(), 9);
        Assert.Equal(top[1].Score, data[1].GetDouble(), 9);
        Assert.Equal(popular.Score, data[2].GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, data[3].ValueKind);
    }

    [Fact]
    public async Task Infer_OnARecommenderWithoutItemIds_Is400NamingTheTensors()
    {
        await using var host = await StartAsync();
        var request = new { inputs = new object[] { new { name = "user_id", datatype = "BYTES", shape = new[] { 1 }, data = new[] { "u1" } } } };

        var response = await host.Http.PostAsJsonAsync($"/v2/models/{RecommenderFixture.Model}/infer", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("send two tensors, 'user_id' and 'item_id'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"k": 3}""", "user_id: required")]
    [InlineData("""{"user_id": "u1", "k": 0}""", "k: must be an integer from 1 to 1000")]
    [InlineData("""{"user_id": true}""", "user_id: must be a string or an integer")]
    [InlineData("""{"user_id": "u1", "filter": ["g1"]}""", "filter: must be an object of item column")]
    [InlineData("""{"user_id": "u1", "filter": {"genre": [true]}}""", "filter.genre[0]: must be a value (string or number)")]
    public async Task Recommend_BadRequest_Is400NamingTheField(string json, string message)
    {
        await using var host = await StartAsync();

        var response = await host.Http.PostAsync($"/v1/models/{RecommenderFixture.Model}:recommend", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<RunningHost> StartAsync() =>
        RunningHost.StartAsync(fixture, o => o with { RootDirectory = recommender.Root, ModelName = RecommenderFixture.Model });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> RecommendAsync(RunningHost host, object request)
    {
        var response = await host.Http.PostAsJsonAsync($"/v1/models/{RecommenderFixture.Model}:recommend", request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }
}
