using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Tests.Rest;

/// <summary><c>POST /v1/feedback</c>: JSON only, labels the model knows, the first label kept.</summary>
[Collection(ServingCollection.Name)]
public sealed class FeedbackTests(ServingFixture fixture)
{
    [Fact]
    public async Task Feedback_TextPlainBody_415AndNothingStored()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var id = await PredictAsync(host);

        var plain = await host.Http.PostAsync("/v1/feedback", new StringContent($$"""{"request_id":"{{id}}","label":true}""", Encoding.UTF8, "text/plain"));
        var form = await host.Http.PostAsync("/v1/feedback", new FormUrlEncodedContent([new("request_id", id), new("label", "true")]));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType), (plain.StatusCode, form.StatusCode));
        Assert.Contains("Content-Type: application/json", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await LabelsAsync(host.LogPath));
    }

    [Fact]
    public async Task Feedback_SecondLabelForSameId_409AndFirstLabelKept()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var (first, other) = (await PredictAsync(host), await PredictAsync(host));

        var stored = await host.Http.PostAsJsonAsync("/v1/feedback", new { request_id = first, label = true });
        var again = await host.Http.PostAsJsonAsync("/v1/feedback", new object[] { new { request_id = other, label = "0" }, new { request_id = first, label = false } });
        var twice = await host.Http.PostAsJsonAsync("/v1/feedback", new object[] { new { request_id = other, label = "0" }, new { request_id = other, label = "1" } });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (stored.StatusCode, again.StatusCode, twice.StatusCode));
        Assert.Contains($"'{first}' already has a label; the first label is kept", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal([(first, "true")], await LabelsAsync(host.LogPath));
    }

    [Fact]
    public async Task Feedback_LabelsOfTheBinaryModel_StoredAsGiven()
    {
        await using var host = await RunningHost.StartAsync(fixture);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await PredictAsync(host));
        }

        var stored = await host.Http.PostAsJsonAsync("/v1/feedback", new object[]
        {
            new { request_id = ids[0], label = false }, new { request_id = ids[1], label = "true" }, new { request_id = ids[2], label = 1 }, new { request_id = ids[3], label = "no" },
        });

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(new[] { "false", "true", "1", "no" }.Zip(ids, (l, id) => (id, l)).OrderBy(p => p.id, StringComparer.Ordinal), await LabelsAsync(host.LogPath));
    }

    private static async Task<string> PredictAsync(RunningHost host)
    {
        var answer = await host.Http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 12.5, hour = 3, country = "de" } } });
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        await host.App.Services.GetRequiredService<PredictionLog>().FlushAsync(CancellationToken.None);
        return json.RootElement.GetProperty("request_id").GetString()!;
    }

    private static async Task<List<(string, string)>> LabelsAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT request_id, label FROM feedback ORDER BY request_id";
        var rows = new List<(string, string)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
