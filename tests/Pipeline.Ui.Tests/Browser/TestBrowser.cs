using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Pipeline.Ui.Tests.Browser;

/// <summary>
/// Debian's chromium driven through chromedriver (both from apt: <c>apt-get install chromium chromium-driver</c>;
/// nothing is downloaded), headless. <see cref="SkipReason"/> says why the browser tests cannot run here.
/// </summary>
internal static class TestBrowser
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    /// <summary>Null when both executables are installed, otherwise the reason and the fix.</summary>
    public static string? SkipReason =>
        !File.Exists(Chromium) ? $"{Chromium} is not installed (apt-get install -y chromium chromium-driver); the browser tests drive Debian's chromium."
        : !File.Exists(Driver) ? $"{Driver} is not installed (apt-get install -y chromium-driver); the browser tests drive chromium through it."
        : null;

    /// <summary>A new headless browser with a fixed window size (so screenshots are comparable).</summary>
    public static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // NOTE: --no-sandbox because CI runs as root, where chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000", "--force-device-scale-factor=1");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromMinutes(1);
        return driver;
    }

    /// <summary>
    /// Clicks <paramref name="element"/> (a link or a submit button) and waits, up to 30 s, until the page it leads to has
    /// replaced the current one and loaded: a click may return before the navigation it starts has begun, so reading
    /// the page straight after it could read the old one.
    /// </summary>
    public static void ClickAndWaitForNewPage(IWebDriver driver, IWebElement element)
    {
        var old = driver.FindElement(By.TagName("html"));
        element.Click();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (IsStale(old) && Equals(((IJavaScriptExecutor)driver).ExecuteScript("return document.readyState"), "complete")) return;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"Clicking did not lead to a new page within 30 s; the browser is still on {driver.Url}.");
    }

    private static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.TagName;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // NOTE: chromium sometimes reports a node of the page just left this way instead of as stale (seen 1 run in 3).
            return true;
        }
    }

    /// <summary>On the Experiments page of the UI at <paramref name="ui"/>, ticks <paramref name="runs"/> and clicks Compare selected.</summary>
    public static void Compare(IWebDriver driver, Uri ui, params string[] runs)
    {
        driver.Navigate().GoToUrl(new Uri(ui, "/experiments"));
        foreach (var run in runs) driver.FindElement(By.CssSelector($"input[name='run'][value='{run}']")).Click();
        ClickAndWaitForNewPage(driver, driver.FindElement(By.Id("compare-button")));
    }

    /// <summary>
    /// Reads elements of a page that reloads itself (the Pipeline page during a run) in one go, reading again (up to 5
    /// times) when a reload replaced them while they were read.
    /// </summary>
    public static T Retry<T>(Func<T> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return read();
            }
            catch (StaleElementReferenceException) when (attempt < 5)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>
    /// Saves a full-window screenshot as <c>&lt;name&gt;.png</c> in the test output's <c>screenshots/</c>, and in the
    /// folder named by <c>PIPELINE_UI_SCREENSHOTS</c> when it is set (the README's images: <c>docs/ui</c>).
    /// </summary>
    public static void Screenshot(IWebDriver driver, string name)
    {
        var shot = ((ITakesScreenshot)driver).GetScreenshot();
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        if (Environment.GetEnvironmentVariable("PIPELINE_UI_SCREENSHOTS") is { Length: > 0 } extra) folders.Add(extra);
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            shot.SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }
}

/// <summary>A fact that drives a real browser, skipped with the reason when chromium or chromedriver is missing.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (TestBrowser.SkipReason is { } reason) Skip = reason;
    }
}
