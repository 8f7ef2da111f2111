using System.Net;
using Pipeline.Serving.Tests;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

/// <summary>The Models page against a real serving host: what it serves, a rollout started from the page, a host that is down.</summary>
[Collection(HostCollection.Name)]
public sealed class HostRolloutTests(ServingFixture serving)
{
    private const string Rollout = "/models/fraud-detector/rollout";

    [Fact]
    public async Task ModelsPage_ShowsWhatTheHostServes()
    {
        using var repo = new UiRepository();
        await using var host = await RegistryCopyHost.StartAsync(serving, "s3cret-token");
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [host.Address] });

        var html = await ui.Http.GetStringAsync("/models");

        Assert.Contains($"<tr><th scope=\"row\">{host.Address}</th><td>v0.0.1 (stable)</td><td>idle</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRollout_WithTheToken_StartsACanaryOnTheHost_AndThePageShowsItsShareAndStep()
    {
        using var repo = new UiRepository();
        await using var host = await RegistryCopyHost.StartAsync(serving, "s3cret-token");
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [host.Address] });

        using var response = await ui.Http.PostAsync(Rollout, Form(("version", "v0.0.2"), ("strategy", "canary"), ("steps", "10,50,100"), ("hold_seconds", "600"), ("token", "s3cret-token")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{host.Address}: canary rollout of v0.0.2 running at 10 %; serving v0.0.1 (stable).", html, StringComparison.Ordinal);
        var page = await ui.Http.GetStringAsync("/models");
        Assert.Contains("<td class=\"status-running\">running</td><td>canary</td><td>v0.0.2</td><td><progress max=\"100\" value=\"10\"></progress> 10 %</td><td>1 of 3</td>", page, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", repo.Production);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden, "This action needs the admin token")]
    [InlineData("v9.9.9", HttpStatusCode.BadRequest, "&#39;v9.9.9&#39; is not a registered version of fraud-detector; nothing was started.")]
    public async Task StartRollout_WithoutTokenOrWithAnUnknownVersion_StartsNothing(string? version, HttpStatusCode expected, string message)
    {
        using var repo = new UiRepository();
        await using var host = await RegistryCopyHost.StartAsync(serving, "s3cret-token");
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [host.Address] });

        using var response = await ui.Http.PostAsync(Rollout, version is null
            ? Form(("version", "v0.0.2"), ("strategy", "canary"))
            : Form(("version", version), ("strategy", "canary"), ("token", "s3cret-token")));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<td>idle</td>", await ui.Http.GetStringAsync("/models"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRollout_BadSteps_TheHostsRefusalIsShown()
    {
        using var repo = new UiRepository();
        await using var host = await RegistryCopyHost.StartAsync(serving, "s3cret-token");
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [host.Address] });

        using var response = await ui.Http.PostAsync(Rollout, Form(("version", "v0.0.2"), ("strategy", "canary"), ("steps", "50,20"), ("token", "s3cret-token")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains($"The rollout on {host.Address} was not started: POST /admin/rollout answered 400:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsPage_OneHostDown_ShowsItAsNotAnswering_AndTheOtherAsServing()
    {
        using var repo = new UiRepository();
        await using var host = await RegistryCopyHost.StartAsync(serving, "s3cret-token");
        var down = new Uri($"http://127.0.0.1:{FreePort()}/");
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [down, host.Address] });

        using var response = await ui.Http.GetAsync("/models");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<tr><th scope=\"row\">{down}</th><td colspan=\"8\" class=\"missing\">not answering (", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th scope=\"row\">{host.Address}</th><td>v0.0.1 (stable)</td>", html, StringComparison.Ordinal);
    }

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Trains and registers the serving fixture's model once for every test that starts a serving host.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<ServingFixture>
{
    public const string Name = "serving-host";
}
