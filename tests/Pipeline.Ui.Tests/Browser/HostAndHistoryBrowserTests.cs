using OpenQA.Selenium;
using Pipeline.Serving.Tests;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests.Browser;

/// <summary>In Debian's chromium: a rollout started from the Models page on a real serving host, and the Monitoring page's history.</summary>
[Collection(HostCollection.Name)]
public sealed class HostAndHistoryBrowserTests(ServingFixture serving)
{
    [BrowserFact]
    public async Task ModelsPage_StartACanaryWithTheToken_TheHostRowShowsItsShareAndStep()
    {
        using var repo = new UiRepository();
        await using var host = await RegistryCopyHost.StartAsync(serving, "s3cret-token");
        await using var ui = await RunningUi.StartAsync(repo, configure: o => o with { ServingHosts = [host.Address] });
        using var browser = TestBrowser.Start();
        browser.Navigate().GoToUrl(new Uri(ui.Address, "/models"));
        Assert.Equal("idle", Cells(browser)[1].Text);

        var form = browser.FindElement(By.Id("rollout-fraud-detector"));
        form.FindElement(By.XPath(".//select[@name='version']/option[.='v0.0.2']")).Click();
        form.FindElement(By.XPath(".//select[@name='strategy']/option[.='canary']")).Click();
        form.FindElement(By.Name("steps")).SendKeys("10,50,100");
        form.FindElement(By.Name("token")).SendKeys("s3cret-token");
        TestBrowser.ClickAndWaitForNewPage(browser, browser.FindElement(By.Id("start-rollout-fraud-detector")));

        Assert.Contains("canary rollout of v0.0.2 running at 10 %", browser.FindElement(By.Id("notice")).Text, StringComparison.Ordinal);
        var cells = Cells(browser);
        Assert.Equal(["v0.0.1 (stable)", "running", "canary", "v0.0.2", "10 %", "1 of 3"], cells.Take(6).Select(c => c.Text.Trim()));
        Assert.Equal("v0.0.1", repo.Production);
        TestBrowser.Screenshot(browser, "models-rollout");
    }

    [BrowserFact]
    public async Task MonitoringPage_History_ChartsAreDrawn_AndTheRunsAndRetrainDecisionsShown()
    {
        using var repo = new UiRepository();
        repo.AddMonitoringHistory();
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();
        browser.Navigate().GoToUrl(new Uri(ui.Address, "/monitoring"));

        var charts = browser.FindElements(By.CssSelector("img.chart"));
        Assert.Equal(["chart-drift", "chart-performance", "chart-latency", "chart-host-cpu", "chart-host-memory"], charts.Select(c => c.GetAttribute("id")));
        // NOTE: an image that failed to decode has no natural width: these are drawn, not broken.
        Assert.All(charts, c => Assert.Equal("520", c.GetDomProperty("naturalWidth")));
        Assert.Equal(3, browser.FindElements(By.CssSelector("#runs tbody tr")).Count);
        Assert.Equal("retrain", browser.FindElement(By.Id("retrain-decision")).Text);
        var decisions = browser.FindElements(By.CssSelector("#retrain-history tbody tr"));
        Assert.Equal(["retrain", "no retraining", "no retraining"], decisions.Select(r => r.FindElements(By.TagName("td"))[0].Text));
        TestBrowser.Screenshot(browser, "monitoring-history");
        browser.ExecuteScript("arguments[0].scrollIntoView()", browser.FindElement(By.Id("chart-latency")));
        TestBrowser.Screenshot(browser, "monitoring-hosts");
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<IWebElement> Cells(OpenQA.Selenium.Chrome.ChromeDriver browser) => browser.FindElements(By.CssSelector("#hosts tbody tr td"));
}
