using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Logging;

/// <summary>The prediction log and feedback join on a real PostgreSQL server, each run in its own schema.</summary>
[Collection(ServingCollection.Name)]
public sealed class PostgresLogTests(ServingFixture fixture)
{
    private const int Requests = 40;

    [PostgresFact]
    public async Task PredictBurst_ThenFeedback_LoggedInPostgresAndJoined()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var schema = "serving_test_" + Guid.NewGuid().ToString("N")[..12];
        await PostgresTestDb.ExecAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            // NOTE: the log has no table prefix option; a per-run schema first on the search path isolates its tables.
            var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
            var host = await RunningHost.StartAsync(fixture, o => o with { PostgresConnectionString = connection });
            var log = host.App.Services.GetRequiredService<PredictionLog>();
            var statuses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => PredictAsync(host.Http, $"pg-{i}", i)));
            await log.FlushAsync(CancellationToken.None);
            using var feedback = await host.Http.PostAsJsonAsync("/v1/feedback", new object[] { new { request_id = "pg-3", label = true }, new { request_id = "pg-7", label = "false" } });
            using var unknown = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = "pg-never", label = true });
            await host.DisposeAsync();

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (feedback.StatusCode, unknown.StatusCode));
            Assert.Contains("pg-never", await unknown.Content.ReadAsStringAsync());
            Assert.Equal(("PostgreSQL", (long)Requests, 0L, 0L), (log.Store.Description, log.Written, log.Dropped, log.Failed));
            Assert.Equal((long)Requests, await PostgresTestDb.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM predictions"));
            Assert.Equal(0L, await PostgresTestDb.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM feedback WHERE request_id = 'pg-never'"));
            Assert.Equal(
                "pg-3|v0.0.1|stable|{\"amount\":3,\"hour\":3,\"country\":\"us\"}|true;pg-7|v0.0.1|stable|{\"amount\":7,\"hour\":7,\"country\":\"us\"}|false",
                await PostgresTestDb.ScalarAsync<string>(connection, "SELECT string_agg(p.request_id || '|' || p.model_version || '|' || p.variant || '|' || p.features || '|' || f.label, ';' ORDER BY p.request_id) " +
                    "FROM predictions p JOIN feedback f ON f.request_id = p.request_id"));
        }
        finally
        {
            await PostgresTestDb.ExecAsync(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    [PostgresFact]
    public async Task BurstOfLargeBatchesFarBiggerThanQueue_EveryAnsweredPredictionLoggedInPostgres()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var schema = "serving_test_" + Guid.NewGuid().ToString("N")[..12];
        await PostgresTestDb.ExecAsync(server, $"CREATE SCHEMA {schema}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
            var host = await RunningHost.StartAsync(fixture, o => o with { PostgresConnectionString = connection, LogQueueCapacity = 1024, LogWaitTimeout = TimeSpan.FromMinutes(2), MaxRequestBodyBytes = 1024 * 1024 });
            var log = host.App.Services.GetRequiredService<PredictionLog>();

            var statuses = await LogBurstTests.BurstAsync(host.Http);
            await host.DisposeAsync();

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.Equal((LogBurstTests.Predictions, 0L, 0L, 0L), (log.Written, log.Refused, log.Dropped, log.Failed));
            Assert.Equal((long)LogBurstTests.Predictions, await PostgresTestDb.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM predictions"));
        }
        finally
        {
            await PostgresTestDb.ExecAsync(server, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    private static async Task<HttpStatusCode> PredictAsync(HttpClient http, string id, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/fraud-detector:predict")
        {
            Content = JsonContent.Create(new { instances = new[] { new { amount = (double)i, hour = i % 24, country = "us" } } }),
        };
        request.Headers.Add("x-request-id", id);
        using var answer = await http.SendAsync(request);
        return answer.StatusCode;
    }
}
