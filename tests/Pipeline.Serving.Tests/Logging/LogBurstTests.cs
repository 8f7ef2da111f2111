using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>The prediction log under a burst of concurrent requests bigger than (or within) its queue.</summary>
[Collection(ServingCollection.Name)]
public sealed class LogBurstTests(ServingFixture fixture)
{
    private const int Requests = 32;
    private const int RowsPerRequest = 25;
    private const int Predictions = Requests * RowsPerRequest;

    [Fact]
    public async Task Burst_BiggerThanQueue_EveryRequestAnsweredAndEveryRecordCounted()
    {
        var host = await RunningHost.StartAsync(fixture, o => o with { LogQueueCapacity = 8 });
        var log = host.App.Services.GetRequiredService<PredictionLog>();

        var statuses = await BurstAsync(host.Http);
        await log.FlushAsync(CancellationToken.None);
        var (written, dropped) = (await MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_written_total"), await MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_dropped_total"));
        var path = host.LogPath;
        await host.DisposeAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(dropped > 0, $"a burst of {Predictions} records through a queue of 8 should drop some; /metrics says {dropped} dropped");
        Assert.Equal((Predictions, 0L), (written + dropped, log.Failed));
        Assert.Equal((written, dropped, 0), (log.Written, log.Dropped, log.Depth));
        Assert.Equal(written, await CountRowsAsync(path));
    }

    [Fact]
    public async Task StopAsync_RightAfterBurstWithinQueue_WritesEveryQueuedRecord()
    {
        var host = await RunningHost.StartAsync(fixture, o => o with { LogQueueCapacity = Predictions * 2 });
        var log = host.App.Services.GetRequiredService<PredictionLog>();

        var statuses = await BurstAsync(host.Http);
        var path = host.LogPath;
        await host.DisposeAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((Predictions, 0L, 0L), (log.Written, log.Dropped, log.Failed));
        Assert.Equal(Predictions, await CountRowsAsync(path));
    }

    private static async Task<HttpStatusCode[]> BurstAsync(HttpClient http)
    {
        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, Requests).Select(async r =>
        {
            var instances = Enumerable.Range(0, RowsPerRequest).Select(i => new { amount = (double)(r * RowsPerRequest + i), hour = i % 24, country = "fr" }).ToArray();
            await start.WaitAsync();
            using var answer = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances });
            return answer.StatusCode;
        }).ToArray();
        start.Release(Requests);
        return await Task.WhenAll(calls);
    }

    private static async Task<long> CountRowsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM predictions";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
