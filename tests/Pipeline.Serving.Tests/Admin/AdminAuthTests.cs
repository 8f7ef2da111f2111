using System.Net;
using System.Net.Http.Headers;
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
}
