using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class PredictionLogTests(ServingFixture fixture)
{
    [Fact]
    public async Task Predict_ThenFeedback_LoggedRowJoinsGroundTruth()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { new { amount = 99.5, hour = 1, country = "us" } } }),
        };
        request.Headers.Add("x-request-id", "order-17");
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(request)).StatusCode);
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);

        var feedback = await host.Http.PostAsJsonAsync("/v1/feedback", new[] { new { request_id = "order-17", label = true } });

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        await using var db = new SqliteConnection($"Data Source={host.LogPath}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT p.model_version, p.variant, p.features, f.label FROM predictions p JOIN feedback f ON f.request_id = p.request_id WHERE p.request_id = 'order-17'";
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("v0.0.1", "stable", """{"amount":99.5,"hour":1,"country":"us"}""", "true"), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
    }

    [Fact]
    public async Task Predict_WithoutRequestId_LogsVersion7Ids()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 1.5, hour = i, country = "fr" } } })).StatusCode);
        }

        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);

        await using var db = new SqliteConnection($"Data Source={host.LogPath}");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT request_id FROM predictions ORDER BY rowid";
        var ids = new List<string>();
        await using (var reader = await query.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetString(0));
            }
        }

        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{12}7[0-9a-f]{19}$", id));
    }

    [Fact]
    public async Task StopAsync_AfterBatchPredictions_FlushesEveryRow()
    {
        var host = await RunningHost.StartAsync(fixture);
        var instances = Enumerable.Range(0, 50).Select(i => new { amount = (double)i, hour = 5, country = "de" }).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances })).StatusCode);
        }

        var path = host.LogPath;
        await host.DisposeAsync();

        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM predictions";
        Assert.Equal(200L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Writer_StoreRefusesBatches_RetriedUntilWrittenNotDropped()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var log = host.App.Services.GetRequiredService<PredictionLog>();
        await using var db = new SqliteConnection($"Data Source={host.LogPath};Pooling=False");
        await db.OpenAsync();
        await ExecuteAsync(db, "ALTER TABLE predictions RENAME TO predictions_away");

        var instances = Enumerable.Range(0, 5).Select(i => new { amount = (double)i, hour = 5, country = "de" }).ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances })).StatusCode);
        }

        // NOTE: the table comes back once the writer has been refused, however long that takes; no time is asserted.
        for (var wait = 0; log.Retries == 0 && wait < 600; wait++)
        {
            await Task.Delay(50);
        }

        await ExecuteAsync(db, "ALTER TABLE predictions_away RENAME TO predictions");
        await log.FlushAsync(CancellationToken.None);

        Assert.True(log.Retries > 0, "the writer was never refused");
        Assert.Equal((15L, 0L), (log.Written, log.Failed));
        Assert.Equal(15L, await Logging.LogBurstTests.CountRowsAsync(host.LogPath));
        Assert.Equal(log.Retries, await Logging.MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_write_retries_total"));
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task TryAdd_QueueFull_SkipsWholeRequestsAndCountsWithoutWaiting()
    {
        var store = PredictionStore.Sqlite(Path.Combine(fixture.Root, "data", "serving", $"{Guid.NewGuid():N}.db"));
        var log = new PredictionLog(store, 4, TimeSpan.FromSeconds(5), Microsoft.Extensions.Logging.Abstractions.NullLogger<PredictionLog>.Instance);
        var model = Pipeline.Serving.Models.ModelLoader.Load(fixture.VersionFolder("v0.0.1"), ServingFixture.Model, "stable");
        var record = PredictionRecord.Of("r", TimeProvider.System.GetUtcNow(), model, [1f, 2f, "de".AsMemory()], new Pipeline.Serving.Models.Prediction(0.5f, true, null, null), 1, "");

        var accepted = Enumerable.Range(0, 5).Count(i => log.TryAdd([record with { RequestId = $"r{i}a" }, record with { RequestId = $"r{i}b" }]));

        Assert.Equal((2, 6L, 4), (accepted, log.Dropped, log.Depth));
    }
}
