using System.Globalization;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Ml.Recommendation;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests.Browser;

/// <summary>
/// In Debian's chromium, the recommendation task (data.task: recommendation) as the UI shows it: two runs' metric@k
/// curves overlaid on the Compare page, and a recommender search in progress on the Pipeline page.
/// </summary>
public sealed partial class RecommendationBrowserTests
{
    [BrowserFact]
    public async Task Experiments_TickTwoRecommendationRunsAndCompare_RendersTheMetricAtKAndPopularityBiasCharts()
    {
        using var repo = new UiRepository();
        repo.AddRecommendationRuns("brisk-lion");
        await using var ui = await RunningUi.StartAsync(repo);
        using var browser = TestBrowser.Start();

        TestBrowser.Compare(browser, ui.Address, "workspace", "brisk-lion");

        var curves = browser.FindElements(By.CssSelector("#curves img.chart"));
        Assert.Equal(["metric_at_k.csv:ndcg", "metric_at_k.csv:hit_rate", "metric_at_k.csv:recall", "metric_at_k.csv:precision", "metric_at_k.csv:map", "popularity_bias.csv"], curves.Select(c => c.GetAttribute("data-curve")));
        // NOTE: an image that failed to decode has no natural width: these are drawn, not broken.
        Assert.All(curves, c => Assert.Equal("520", c.GetDomProperty("naturalWidth")));
        Assert.Contains("ndcg_at_10", browser.FindElements(By.CssSelector("#metric-charts img.chart")).Select(c => c.GetAttribute("data-metric")));
        Assert.Equal(2, browser.FindElements(By.CssSelector("[data-plot='metric_at_k.png'] img")).Count);
        ((IJavaScriptExecutor)browser).ExecuteScript("document.getElementById('curves').scrollIntoView()");
        TestBrowser.Screenshot(browser, "compare-recommend");
    }

    [BrowserFact]
    public async Task PipelinePage_DuringARecommenderSearch_ShowsTrialsDoneOfAllAndTheBestNdcgSoFar()
    {
        using var repo = new UiRepository();
        var runs = new RatingsRuns(Path.Combine(repo.Root, "work", "ratings"));
        // NOTE: the engine's own live record, fed as the Train target feeds it for a recommender (build/Build.Recommendation.cs), paused after the third trial.
        var live = new RunProgress(new RunConsole(TextWriter.Null, prefixTargets: false), TimeProvider.System, LiveRun.PathIn(repo.Root), interactive: false);
        live.Begin(["Featurize", "Train", "Evaluate"]);
        live.Finished(new TargetResult("Featurize", TargetStatus.Skipped, TimeSpan.Zero, "up to date"));
        live.Started("Train", "params changed: train.budget");
        using var third = new SemaphoreSlim(0);
        using var resume = new SemaphoreSlim(0);
        var total = 0;
        var training = Task.Run(() => runs.Train("search", new() { Budget = 1 }, new Reporter(s =>
        {
            live.Report("Train", new TargetProgress(s.Done, s.Total, "trials") { Fraction = (double)s.Done / s.Total, Best = s.BestText, Step = s.LastText });
            if (s.Done != 3) return;
            total = s.Total;
            third.Release();
            resume.Wait(TimeSpan.FromMinutes(5));
        })));
        try
        {
            Assert.True(await third.WaitAsync(TimeSpan.FromMinutes(2)), "the recommender search did not finish three trials in 2 minutes");
            await using var ui = await RunningUi.StartAsync(repo);
            using var browser = TestBrowser.Start();
            browser.Navigate().GoToUrl(ui.Address);

            var (status, progress, best, steps) = TestBrowser.Retry(() =>
            {
                var cells = browser.FindElements(By.CssSelector("#live-targets tbody tr"))[1].FindElements(By.TagName("td"));
                return (cells[0].Text, cells[2].Text.Trim(), cells[3].Text, browser.FindElements(By.CssSelector("#steps-Train li")).Select(li => li.Text).ToList());
            });
            TestBrowser.Screenshot(browser, "pipeline-live-recommend");
            resume.Release();
            var search = await training;

            Assert.Equal("running", status);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"3/{total} trials ({3.0 / total:0%})"), progress);
            // NOTE: newest first, each as the search scored it; the best so far is the best of those three (ties: the earlier).
            var firstThree = search.Trials.Take(3).ToList();
            var bestOfThree = firstThree.Aggregate((b, t) => t.Scores.Ndcg > b.Scores.Ndcg ? t : b);
            Assert.Equal(firstThree.AsEnumerable().Reverse().Select(t => new RecommenderSearchStatus(3, total, t, bestOfThree).LastText), steps);
            Assert.Equal(new RecommenderSearchStatus(3, total, bestOfThree, bestOfThree).BestText, best);
            Assert.Matches(BestText(), best);

            // NOTE: the run ends (the engine deletes its live record); the page's own refresh shows the finished state.
            live.End();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (TestBrowser.Retry(() => browser.FindElements(By.Id("live")).Count) > 0 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(200);
            Assert.Equal(0, TestBrowser.Retry(() => browser.FindElements(By.Id("live")).Count));
        }
        finally
        {
            resume.Release();
            live.End();
        }
    }

    [GeneratedRegex(@"^ndcg_at_10 0\.\d{4} \((popularity|als|itemknn|puresvd|ease), trial [012]\)$")]
    private static partial Regex BestText();

    /// <summary>Hears the search on its own thread, as the Train target does (so the search waits while the test looks).</summary>
    private sealed class Reporter(Action<RecommenderSearchStatus> report) : IProgress<RecommenderSearchStatus>
    {
        public void Report(RecommenderSearchStatus value) => report(value);
    }
}
