using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Tests.Rollouts;

namespace Pipeline.Serving.Tests.Admin;

[Collection(ServingCollection.Name)]
public sealed class AdminAuthTests(ServingFixture fixture)
{
    [Fact]
    public async Task Admin_NoOrWrongToken_Unauthorized()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/admin/rollback");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");

        var none = await host.Http.GetAsync("/admin/rollout");
        var bad = await host.Http.SendAsync(wrong);
        var client = await Assert.ThrowsAsync<AdminException>(() => new AdminClient(host.Http, "guess").GetRolloutAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, client.Status);
        Assert.Equal("v0.0.1", (await host.PredictAsync(1)).Version);
    }

    [Fact]
    public async Task Admin_ValidToken_ReportsIdleStateAndRefusesUnknownVersion()
    {
        await using var host = await RolloutHost.StartAsync(fixture);

        var state = await host.Admin.GetRolloutAsync();
        var unknown = await Assert.ThrowsAsync<AdminException>(() => host.Admin.StartRolloutAsync(new() { Strategy = "canary", Version = "v9.9.9" }));
        var nothing = await Assert.ThrowsAsync<AdminException>(() => host.Admin.RollbackAsync());

        Assert.Equal("idle", state.GetProperty("phase").GetString());
        Assert.Equal("v0.0.1", state.GetProperty("live").GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("v0.0.2", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.Status);
    }

    [Fact]
    public async Task Admin_NoTokenConfigured_403SayingHowToEnableAndNothingChanges()
    {
        await using var host = await RunningHost.StartAsync(fixture);

        var start = await host.Http.PostAsJsonAsync("/admin/rollout", new { strategy = "direct", version = "v0.0.2" });
        var rollback = await host.Http.PostAsync("/admin/rollback", null);
        var state = await host.Http.GetAsync("/admin/rollout");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (start.StatusCode, rollback.StatusCode, state.StatusCode));
        Assert.Contains("start it with --admin-token <token>", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("v0.0.1", await LiveVersionAsync(host.Http));
    }

    [Fact]
    public async Task Admin_CrossOriginTextPlainPost_DoesNothing()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        const string Body = """{"strategy":"direct","version":"v0.0.2"}""";
        using var page = new HttpRequestMessage(HttpMethod.Post, "/admin/rollout") { Content = new StringContent(Body, Encoding.UTF8, "text/plain") };
        page.Headers.Add("Origin", "http://attacker.example");
        using var plainWithToken = new HttpRequestMessage(HttpMethod.Post, "/admin/rollout") { Content = new StringContent(Body, Encoding.UTF8, "text/plain") };
        plainWithToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RolloutHost.Token);

        var fromPage = await host.Http.SendAsync(page);
        var plain = await host.Http.SendAsync(plainWithToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.UnsupportedMediaType), (fromPage.StatusCode, plain.StatusCode));
        Assert.False(fromPage.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("idle", (await host.Admin.GetRolloutAsync()).GetProperty("phase").GetString());
        Assert.Equal("v0.0.1", (await host.PredictAsync(1)).Version);
    }

    [Fact]
    public async Task Admin_TokenInQueryString_Unauthorized()
    {
        await using var host = await RolloutHost.StartAsync(fixture);

        var query = await host.Http.PostAsync($"/admin/rollback?token={RolloutHost.Token}&access_token={RolloutHost.Token}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, query.StatusCode);
        Assert.Contains("never the query string", await query.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string?> LiveVersionAsync(HttpClient http)
    {
        var answer = await http.PostAsJsonAsync("/v1/models/fraud-detector:predict", new { instances = new[] { new { amount = 1.0, hour = 1, country = "de" } } });
        using var json = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("model_version").GetString();
    }
}
