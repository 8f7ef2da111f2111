using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>The prediction log under bursts of large batch requests far bigger than its queue: answered = logged.</summary>
[Collection(ServingCollection.Name)]
public sealed class LogBurstTests(ServingFixture fixture)
{
    internal const int Requests = 40;
    internal const int RowsPerRequest = 500;
    internal const int Predictions = Requests * RowsPerRequest;

    [Fact]
    public async Task Burst_OfLargeBatchesFarBiggerThanQueue_EveryAnsweredPredictionLogged()
    {
        var host = await RunningHost.StartAsync(fixture, o => o with { LogQueueCapacity = 1024, LogWaitTimeout = TimeSpan.FromMinutes(2), MaxRequestBodyBytes = 1024 * 1024 });
        var log = host.App.Services.GetRequiredService<PredictionLog>();

        var statuses = await BurstAsync(host.Http);
        await log.FlushAsync(CancellationToken.None);
        var (written, dropped, refused) = (await MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_written_total"), await MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_dropped_total"), await MetricsScrape.ReadAsync(host.Http, "serving_prediction_log_refused_requests_total"));
        var path = host.LogPath;
        await host.DisposeAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((Predictions, 0L, 0L, 0L), (written, dropped, refused, log.Failed));
        Assert.Equal(Predictions, await CountRowsAsync(path));
    }

    [Fact]
    public async Task StopAsync_RightAfterBurstWithinQueue_WritesEveryQueuedRecord()
    {
        var host = await RunningHost.StartAsync(fixture, o => o with { LogQueueCapacity = Predictions * 2, MaxRequestBodyBytes = 1024 * 1024 });
        var log = host.App.Services.GetRequiredService<PredictionLog>();

        var statuses = await BurstAsync(host.Http);
        var path = host.LogPath;
        await host.DisposeAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal((Predictions, 0L, 0L), (log.Written, log.Dropped, log.Failed));
        Assert.Equal(Predictions, await CountRowsAsync(path));
    }

    internal static async Task<HttpStatusCode[]> BurstAsync(HttpClient http)
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

    internal static async Task<long> CountRowsAsync(string path, string where = "1 = 1")
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM predictions WHERE " + where;
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
