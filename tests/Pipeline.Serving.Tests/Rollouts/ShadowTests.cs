using Microsoft.Data.Sqlite;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

[Collection(ServingCollection.Name)]
public sealed class ShadowTests(ServingFixture fixture)
{
    [Fact]
    public async Task Shadow_Request_LiveAnswerUnchangedAndBothPredictionsLogged()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        var before = await host.PredictAsync(5, requestId: "before-1");
        await host.Admin.StartRolloutAsync(new RolloutRequest { Strategy = "shadow", Version = "v0.0.2" });

        var during = await host.PredictAsync(5, requestId: "order-1");

        Assert.Equal((before.Version, before.Variant, before.Probability), (during.Version, during.Variant, during.Probability));
        var variants = new List<(string, string, string)>();
        for (var attempt = 0; attempt < 100 && variants.Count < 2; attempt++)
        {
            await Task.Delay(50);
            await host.Log.FlushAsync(CancellationToken.None);
            variants = await LoggedAsync(host.Options.PredictionLogFullPath);
        }

        Assert.Equal([("order-1", "v0.0.1", "stable"), ("order-1:shadow", "v0.0.2", "shadow")], variants);
    }

    private static async Task<List<(string, string, string)>> LoggedAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT request_id, model_version, variant FROM predictions WHERE request_id LIKE 'order-1%' ORDER BY request_id";
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
