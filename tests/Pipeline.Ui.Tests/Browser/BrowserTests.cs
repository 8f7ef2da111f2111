using OpenQA.Selenium;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests.Browser;

/// <summary>End to end in Debian's chromium: each page as a user sees it, the sort links, and promote with and without the token.</summary>
public sealed class BrowserTests
{
    [BrowserFact]
    public async Task PipelinePage_LoadsWithEveryTargetAndItsLastRun()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();

        browser.Navigate().GoToUrl(ui.Address);

        var rows = browser.FindElements(By.CssSelector("#targets tbody tr"));
        Assert.Equal(["Featurize", "Train", "Evaluate", "Deploy"], rows.Select(r => r.FindElement(By.TagName("th")).Text));
        Assert.Equal("executed", rows[1].FindElements(By.TagName("td"))[2].Text);
        Assert.Equal("failed", rows[3].FindElements(By.TagName("td"))[2].Text);
        // NOTE: an image that failed to decode has no natural width: the graph is drawn, not broken.
        Assert.NotEqual("0", browser.FindElement(By.Id("target-graph")).GetDomProperty("naturalWidth"));
        TestBrowser.Screenshot(browser, "pipeline");
    }

    [BrowserFact]
    public async Task PipelinePage_DuringARun_ShowsTheRunningTargetAndItsTrials_AndReloads()
    {
        using var repo = new UiRepository();
        repo.StartLiveRun();
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();

        browser.Navigate().GoToUrl(ui.Address);
        // NOTE: the page reloads itself every 2 s, so elements are read in one go and read again if a reload replaced them.
        var (names, status, progress, steps) = TestBrowser.Retry(() =>
        {
            var rows = browser.FindElements(By.CssSelector("#live-targets tbody tr"));
            return (rows.Select(r => r.FindElement(By.TagName("th")).Text).ToList(), rows[1].FindElements(By.TagName("td"))[0].Text,
                rows[1].FindElements(By.TagName("td"))[2].Text.Trim(), browser.FindElements(By.CssSelector("#steps-Train li")).Count);
        });
        Assert.Equal(["Featurize", "Train", "Evaluate"], names);
        Assert.Equal("running", status);
        Assert.Equal("3/16 trials (10%)", progress);
        Assert.Equal(3, steps);
        TestBrowser.Screenshot(browser, "pipeline-live");

        // NOTE: the run ends (the engine deletes its live record); the page's own refresh shows the finished state.
        File.Delete(Path.Combine(repo.Root, ".nuke", "temp", "live.json"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (TestBrowser.Retry(() => browser.FindElements(By.Id("live")).Count) > 0 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(200);
        Assert.Equal(0, TestBrowser.Retry(() => browser.FindElements(By.Id("live")).Count));
        Assert.Equal(4, TestBrowser.Retry(() => browser.FindElements(By.CssSelector("#targets tbody tr")).Count));
    }

    [BrowserFact]
    public async Task ExperimentsTable_ClickingAColumn_SortsItAndClickingAgainReverses()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();
        browser.Navigate().GoToUrl(new Uri(ui.Address, "/experiments"));

        TestBrowser.ClickAndWaitForNewPage(browser, browser.FindElement(By.CssSelector("a[data-column='metric:auc']")));
        var ascending = Names(browser);
        TestBrowser.ClickAndWaitForNewPage(browser, browser.FindElement(By.CssSelector("a[data-column='metric:auc']")));
        var descending = Names(browser);

        Assert.Equal(["quiet-toad", "workspace", repo.HeadSha[..7], "brisk-lion"], ascending);
        Assert.Equal(["brisk-lion", "workspace", repo.HeadSha[..7], "quiet-toad"], descending);
        Assert.EndsWith("auc ▼", browser.FindElement(By.CssSelector("a[data-column='metric:auc']")).Text, StringComparison.Ordinal);
        TestBrowser.Screenshot(browser, "experiments");
    }

    [BrowserFact]
    public async Task Experiments_TickTwoAndCompare_RendersTheChartsAndPlotsSideBySide()
    {
        using var repo = new UiRepository();
        repo.AddEvaluationPlots("brisk-lion");
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();

        TestBrowser.Compare(browser, ui.Address, "workspace", "brisk-lion");

        Assert.Contains("/compare?run=workspace&run=brisk-lion", browser.Url, StringComparison.Ordinal);
        var charts = browser.FindElements(By.CssSelector("#metric-charts img.chart"));
        Assert.Equal(["accuracy", "auc"], charts.Select(c => c.GetAttribute("data-metric")));
        // NOTE: an image that failed to decode has no natural width: these are drawn, not broken.
        Assert.All(charts, c => Assert.Equal("420", c.GetDomProperty("naturalWidth")));
        var roc = browser.FindElements(By.CssSelector("[data-plot='roc.png'] img"));
        Assert.Equal(2, roc.Count);
        Assert.All(roc, img => Assert.Equal("320", img.GetDomProperty("naturalWidth")));
        Assert.Equal("63", browser.FindElements(By.CssSelector("#param-diff td.diff"))[1].Text);
        var curves = browser.FindElements(By.CssSelector("#curves img.chart"));
        Assert.Equal(["roc.csv", "pr.csv", "calibration.csv"], curves.Select(c => c.GetAttribute("data-curve")));
        Assert.All(curves, c => Assert.Equal("520", c.GetDomProperty("naturalWidth")));
        TestBrowser.Screenshot(browser, "compare");
    }

    [BrowserFact]
    public async Task ModelsPage_ShowsProduction_PromoteWithTheTokenChangesIt()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();
        browser.Navigate().GoToUrl(new Uri(ui.Address, "/models"));
        Assert.Equal("v0.0.1", browser.FindElement(By.Id("production-fraud-detector")).Text);
        TestBrowser.Screenshot(browser, "models");

        var form = browser.FindElement(By.Id("promote-fraud-detector-v0.0.2")).FindElement(By.XPath("./ancestor::form"));
        form.FindElement(By.Name("token")).SendKeys("s3cret-token");
        TestBrowser.ClickAndWaitForNewPage(browser, browser.FindElement(By.Id("promote-fraud-detector-v0.0.2")));

        Assert.Equal("v0.0.2", browser.FindElement(By.Id("production-fraud-detector")).Text);
        Assert.StartsWith("fraud-detector v0.0.2 is now the production version", browser.FindElement(By.Id("notice")).Text, StringComparison.Ordinal);
        Assert.Equal("v0.0.2", repo.Production);
        Assert.DoesNotContain("s3cret", browser.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Promote_WithAWrongTokenOrOnAReadOnlyUi_IsRefused()
    {
        using var repo = new UiRepository();
        using var browser = TestBrowser.Start();
        await using (var ui = await RunningUi.StartAsync(repo))
        {
            browser.Navigate().GoToUrl(new Uri(ui.Address, "/models"));
            var form = browser.FindElement(By.Id("promote-fraud-detector-v0.0.2")).FindElement(By.XPath("./ancestor::form"));
            form.FindElement(By.Name("token")).SendKeys("not-the-token");
            TestBrowser.ClickAndWaitForNewPage(browser, browser.FindElement(By.Id("promote-fraud-detector-v0.0.2")));

            Assert.StartsWith("403 Forbidden: The admin token is not the one", browser.FindElement(By.Id("notice")).Text, StringComparison.Ordinal);
            Assert.Equal("v0.0.1", browser.FindElement(By.Id("production-fraud-detector")).Text);
        }

        await using var readOnly = await RunningUi.StartAsync(repo, token: null);
        browser.Navigate().GoToUrl(new Uri(readOnly.Address, "/models"));
        Assert.Empty(browser.FindElements(By.Name("token")));
        TestBrowser.ClickAndWaitForNewPage(browser, browser.FindElement(By.Id("promote-fraud-detector-v0.0.2")));

        Assert.StartsWith("403 Forbidden: The UI is read-only", browser.FindElement(By.Id("notice")).Text, StringComparison.Ordinal);
        Assert.Equal("v0.0.1", repo.Production);
    }

    [BrowserFact]
    public async Task MonitoringPage_EmbedsTheReport()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();
        browser.Navigate().GoToUrl(new Uri(ui.Address, "/monitoring"));

        Assert.Equal("drift", browser.FindElement(By.Id("verdict")).Text);
        browser.SwitchTo().Frame(browser.FindElement(By.Id("monitoring-report")));
        Assert.Equal("Monitoring report", browser.FindElement(By.Id("report-title")).Text);
        browser.SwitchTo().DefaultContent();
        TestBrowser.Screenshot(browser, "monitoring");
    }

    private static List<string> Names(OpenQA.Selenium.Chrome.ChromeDriver browser) =>
        browser.FindElements(By.CssSelector("#experiments tbody th")).Select(e => e.Text).ToList();
}
