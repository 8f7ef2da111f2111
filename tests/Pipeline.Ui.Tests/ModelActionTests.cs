using System.Net;
using System.Net.Http.Headers;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

public sealed class ModelActionTests
{
    private const string Promote = "/models/fraud-detector/promote";

    [Fact]
    public async Task ModelsPage_ShowsVersionsProductionLineageMetricsAndGateReport()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/models");

        Assert.Contains("<span id=\"production-fraud-detector\">v0.0.1</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"production\" data-production=\"true\">production</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{repo.HeadSha[..7]}</td><td>2026-03-02T09:30:00Z</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li><code>models/model.zip</code> 44444444444444444444444444444444</li>", html, StringComparison.Ordinal);
        // NOTE: both versions were registered at HEAD, whose params.yaml is the fixture's.
        Assert.Contains("<details><summary>2 params</summary><ul><li><code>train.num_leaves</code> 31</li><li><code>train.learning_rate</code> 0.1</li></ul></details>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.93</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"promote-fraud-detector-v0.0.2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"promote-fraud-detector-v0.0.1\"", html, StringComparison.Ordinal);
        Assert.Contains("auc            0.9156  &gt;= 0.85    yes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsPage_VersionWithARegisteredGateReport_ShowsItInItsRow()
    {
        using var repo = new UiRepository();
        File.WriteAllText(Path.Combine(repo.RegistryRoot, UiRepository.Model, "v0.0.2", "gate.txt"), "auc 0.9301 >= 0.85 yes\n");
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/models");

        Assert.Contains("<details class=\"gate\"><summary>gate.txt</summary><pre>auc 0.9301 &gt;= 0.85 yes\n</pre></details>", html, StringComparison.Ordinal);
        Assert.Single(html.Split("<details class=\"gate\">").Skip(1));
    }

    [Fact]
    public async Task ModelsPage_VersionRegisteredAtACommitNotInThisClone_SaysSoWhereItsParamsWouldBe()
    {
        using var repo = new UiRepository();
        var lineage = Path.Combine(repo.RegistryRoot, UiRepository.Model, "v0.0.2", "lineage.json");
        File.WriteAllText(lineage, File.ReadAllText(lineage).Replace(repo.HeadSha, "0123456789abcdef0123456789abcdef01234567", StringComparison.Ordinal));
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/models");

        Assert.Contains("<td>0123456</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td><span class=\"muted\">commit not in this clone</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>2 params</summary>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_WithTheToken_MakesTheVersionProduction()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.PostAsync(Promote, Form(("version", "v0.0.2"), ("token", "s3cret-token")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v0.0.2", repo.Production);
        Assert.Contains("fraud-detector v0.0.2 is now the production version in models/registry.", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"production-fraud-detector\">v0.0.2</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_WithTheTokenAsBearerHeader_IsAllowed()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);
        using var request = new HttpRequestMessage(HttpMethod.Post, Promote) { Content = Form(("version", "v0.0.2")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");

        using var response = await ui.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v0.0.2", repo.Production);
    }

    [Theory]
    [InlineData(null, "The UI is read-only: it was started without an admin token.")]
    [InlineData("", "This action needs the admin token")]
    [InlineData("s3cret-tokem", "The admin token is not the one the UI was started with")]
    [InlineData("s3cret-token-longer", "The admin token is not the one the UI was started with")]
    public async Task Promote_WithoutTheRightToken_IsRefusedWith403AndChangesNothing(string? given, string message)
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo, token: given is null ? null : "s3cret-token");

        using var response = await ui.Http.PostAsync(Promote, given is null ? Form(("version", "v0.0.2")) : Form(("version", "v0.0.2"), ("token", given)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", repo.Production);
    }

    [Fact]
    public async Task Promote_TokenInTheQueryString_IsNotRead()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.PostAsync(Promote + "?token=s3cret-token", Form(("version", "v0.0.2")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("v0.0.1", repo.Production);
    }

    [Theory]
    [InlineData("/models/fraud-detector/promote", "v9.9.9", HttpStatusCode.BadRequest)]
    [InlineData("/models/fraud-detector/promote", "../../../etc", HttpStatusCode.BadRequest)]
    [InlineData("/models/..%2F..%2Fetc/promote", "v0.0.2", HttpStatusCode.NotFound)]
    [InlineData("/models/other-model/promote", "v0.0.2", HttpStatusCode.NotFound)]
    public async Task Promote_UnknownModelOrVersion_ChangesNothing(string path, string version, HttpStatusCode expected)
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.PostAsync(path, Form(("version", version), ("token", "s3cret-token")));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("v0.0.1", repo.Production);
    }

    [Fact]
    public async Task Promote_ServingHostDown_IsProductionAndSaysTheNextServeServesIt()
    {
        using var repo = new UiRepository();
        var port = FreePort();
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [new Uri($"http://127.0.0.1:{port}")] });

        using var response = await ui.Http.PostAsync(Promote, Form(("version", "v0.0.2"), ("token", "s3cret-token")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("v0.0.2", repo.Production);
        Assert.Contains($"No serving host answers at http://127.0.0.1:{port}/", html, StringComparison.Ordinal);
        Assert.Contains("the next ./build.sh Serve serves v0.0.2.", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><th scope=\"row\">http://127.0.0.1:{port}/</th><td colspan=\"8\" class=\"missing\">not answering (", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsPage_ReadOnly_DoesNotAskTheHostsForTheirState()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo, token: null, configure: o => o with { ServingHosts = [new Uri("http://127.0.0.1:5080")] });

        var html = await ui.Http.GetStringAsync("/models");

        Assert.Contains("<tr><th scope=\"row\">http://127.0.0.1:5080/</th><td colspan=\"8\" class=\"missing\">state not shown: the admin API needs the admin token (./build.sh Ui --admin-token)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_NoServingHostAnswers_Is502WithTheReason()
    {
        using var repo = new UiRepository();
        var port = FreePort();
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [new Uri($"http://127.0.0.1:{port}")] });

        using var response = await ui.Http.PostAsync("/models/fraud-detector/rollback", Form(("token", "s3cret-token")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains($"Rollback on http://127.0.0.1:{port}/ failed:", html, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", repo.Production);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
