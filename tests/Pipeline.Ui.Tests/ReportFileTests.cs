using System.Net;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

public sealed class ReportFileTests
{
    [Fact]
    public async Task MonitoringPage_ShowsVerdictEncodedAndEmbedsTheReport()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/monitoring");
        using var report = await ui.Http.GetAsync("/reports/monitoring.html");

        Assert.Contains("<strong id=\"verdict\">drift</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<li>&lt;script&gt;alert(1)&lt;/script&gt; is shown as text</li>", html, StringComparison.Ordinal);
        Assert.Contains("<iframe class=\"report\" id=\"monitoring-report\" src=\"/reports/monitoring.html\" sandbox", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.StartsWith("sandbox;", report.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Monitoring report", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MonitoringPage_MissingOrCorruptReports_AreMessagesNotErrors()
    {
        using var repo = new UiRepository();
        File.WriteAllText(Path.Combine(repo.Root, "reports", "monitoring.json"), "{\"verdict\": ");
        File.Delete(Path.Combine(repo.Root, "reports", "monitoring.html"));
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/monitoring");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reports/monitoring.json cannot be read", html, StringComparison.Ordinal);
        Assert.Contains("No monitoring report yet (reports/monitoring.html)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/../dvc.lock")]
    [InlineData("/reports/..%2Fdvc.lock")]
    [InlineData("/reports/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/reports/%2Fetc%2Fpasswd")]
    [InlineData("/reports/outside/passwd")]
    [InlineData("/reports/model.bin")]
    public async Task ReportFiles_NothingOutsideReportsOrOfAnUnknownKind_Is404(string path)
    {
        using var repo = new UiRepository();
        // NOTE: a symbolic link inside reports/ to a folder outside the repository must not be followed.
        Directory.CreateSymbolicLink(Path.Combine(repo.Root, "reports", "outside"), "/etc");
        File.WriteAllText(Path.Combine(repo.Root, "reports", "model.bin"), "binary");
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("schema:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_ForbidsScriptsAndForeignFraming()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        foreach (var page in new[] { "/", "/experiments", "/models", "/monitoring", "/assets/ui.css" })
        {
            using var response = await ui.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }
}
