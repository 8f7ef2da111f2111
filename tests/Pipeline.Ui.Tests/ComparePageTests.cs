using System.Net;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

public sealed class ComparePageTests
{
    [Fact]
    public async Task Compare_TwoExperimentsAndTheWorkspace_ParamDiffMetricChartsAndPlotsSideBySide()
    {
        using var repo = new UiRepository();
        repo.AddEvaluationPlots("brisk-lion");
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/compare?run=workspace&run=brisk-lion&run=quiet-toad");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Comparing workspace, brisk-lion, quiet-toad.", html, StringComparison.Ordinal);
        // NOTE: the workspace has no num_leaves (its params.yaml is the fixture's), the experiments 63 and 15.
        Assert.Contains("<th scope=\"row\">train.num_leaves</th><td class=\"diff\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"diff\">63</td><td class=\"diff\">15</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">auc</th><td class=\"num\">0.91</td><td class=\"num\">0.93</td><td class=\"num\">0.89</td>", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-metric=\"auc\" alt=\"auc of each experiment\" src=\"data:image/svg+xml;base64,", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-metric=\"accuracy\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"side-by-side\" data-plot=\"roc.png\"><figure><img alt=\"roc.png of workspace\" src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
        Assert.Contains("<img alt=\"roc.png of brisk-lion\" src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"missing\">no pr.png</p><figcaption>brisk-lion</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("The dvc.lock of quiet-toad records no reports/evaluation output.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_CurvesOfTheSelectedRuns_OverlaidInOneChartEach_RunsWithoutPointsNamed()
    {
        using var repo = new UiRepository();
        repo.AddEvaluationPlots("brisk-lion");
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/compare?run=workspace&run=brisk-lion&run=quiet-toad");

        // NOTE: the workspace has roc.csv, pr.csv and calibration.csv, brisk-lion's cache roc.csv only, quiet-toad's dvc.lock no evaluation.
        Assert.Contains("<img class=\"chart\" data-curve=\"roc.csv\" alt=\"ROC curves of workspace, brisk-lion\"", html, StringComparison.Ordinal);
        Assert.Contains("No roc.csv for quiet-toad (", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-curve=\"pr.csv\" alt=\"Precision-recall curves of workspace\"", html, StringComparison.Ordinal);
        Assert.Contains("No pr.csv for brisk-lion, quiet-toad (", html, StringComparison.Ordinal);
        var roc = CurveSvg(html, "roc.csv");
        Assert.Contains("workspace", roc, StringComparison.Ordinal);
        Assert.Contains("brisk-lion", roc, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-curve=\"calibration.csv\" alt=\"Calibration curves of workspace\"", html, StringComparison.Ordinal);
        Assert.Contains("No calibration.csv for brisk-lion, quiet-toad (", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-curve=\"residuals.csv\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RegressionRuns_PredictedVsActualAndResidualsOverlaid_WithTheIdealLine()
    {
        using var repo = new UiRepository();
        repo.AddRegressionCurves("brisk-lion");
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/compare?run=workspace&run=brisk-lion");

        Assert.Contains("<img class=\"chart\" data-curve=\"predicted_vs_actual.csv\" alt=\"Predicted vs actual (binned) curves of workspace, brisk-lion\"", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-curve=\"residuals.csv\" alt=\"Residuals: error characteristic curves of workspace, brisk-lion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-curve=\"roc.csv\"", html, StringComparison.Ordinal);
        var binned = CurveSvg(html, "predicted_vs_actual.csv");
        Assert.Contains("ideal (y = x)", binned, StringComparison.Ordinal);
        Assert.Contains("brisk-lion", binned, StringComparison.Ordinal);
        var residuals = CurveSvg(html, "residuals.csv");
        Assert.DoesNotContain("ideal (y = x)", residuals, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RecommendationRuns_MetricAtKAndPopularityBiasOverlaid()
    {
        using var repo = new UiRepository();
        repo.AddRecommendationRuns("brisk-lion");
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/compare?run=workspace&run=brisk-lion&run=quiet-toad");

        foreach (var (metric, title) in new[] { ("ndcg", "nDCG@k"), ("hit_rate", "Hit rate@k"), ("recall", "Recall@k"), ("precision", "Precision@k"), ("map", "MAP@k") })
        {
            Assert.Contains($"<img class=\"chart\" data-curve=\"metric_at_k.csv:{metric}\" alt=\"{title} curves of workspace, brisk-lion\"", html, StringComparison.Ordinal);
            var svg = CurveSvg(html, $"metric_at_k.csv:{metric}");
            Assert.Contains("workspace", svg, StringComparison.Ordinal);
            Assert.Contains("brisk-lion", svg, StringComparison.Ordinal);
        }
        Assert.Contains("No metric_at_k.csv for quiet-toad (", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-curve=\"popularity_bias.csv\" alt=\"Popularity bias curves of workspace, brisk-lion\"", html, StringComparison.Ordinal);
        // NOTE: both runs trained on one table, so the training interactions' share is one reference line.
        var bias = CurveSvg(html, "popularity_bias.csv");
        Assert.Contains("share of interactions", bias, StringComparison.Ordinal);
        Assert.DoesNotContain("workspace: share of interactions", bias, StringComparison.Ordinal);
        Assert.DoesNotContain("data-curve=\"roc.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-metric=\"ndcg_at_10\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"side-by-side\" data-plot=\"metric_at_k.png\"><figure><img alt=\"metric_at_k.png of workspace\" src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
        Assert.Contains("<img alt=\"metric_at_k.png of brisk-lion\" src=\"data:image/png;base64,iVBOR", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RunsOnDifferentTables_EachRunsInteractionsIsItsOwnReference()
    {
        using var repo = new UiRepository();
        var folder = Path.Combine(repo.Root, "reports", "evaluation");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "popularity_bias.csv"), "popularity_decile,share_of_interactions,share_of_recommendations\n0,0.5,0.7\n1,0.5,0.3\n");
        repo.CacheEvaluation("brisk-lion", new(StringComparer.Ordinal) { ["popularity_bias.csv"] = "popularity_decile,share_of_interactions,share_of_recommendations\n0,0.6,0.9\n1,0.4,0.1\n"u8.ToArray() });
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/compare?run=workspace&run=brisk-lion");

        var bias = CurveSvg(html, "popularity_bias.csv");
        Assert.Contains("workspace: share of interactions", bias, StringComparison.Ordinal);
        Assert.Contains("brisk-lion: share of interactions", bias, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ACorruptPointsFile_NamesTheRunUnderTheChart_NeverAnError()
    {
        using var repo = new UiRepository();
        repo.AddRecommendationRuns("brisk-lion");
        File.WriteAllText(Path.Combine(repo.Root, "reports", "evaluation", "metric_at_k.csv"), "k,ndcg,hit_rate\n1,not-a-number,0.2\n");
        File.WriteAllText(Path.Combine(repo.Root, "reports", "evaluation", "popularity_bias.csv"), "decile,share\n0,0.5\n");
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/compare?run=workspace&run=brisk-lion");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<img class=\"chart\" data-curve=\"metric_at_k.csv:ndcg\" alt=\"nDCG@k curves of brisk-lion\"", html, StringComparison.Ordinal);
        Assert.Contains("No metric_at_k.csv for workspace (", html, StringComparison.Ordinal);
        Assert.Contains("<img class=\"chart\" data-curve=\"popularity_bias.csv\" alt=\"Popularity bias curves of brisk-lion\"", html, StringComparison.Ordinal);
        Assert.Contains("No popularity_bias.csv for workspace (", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_NoCurvePoints_SaysThePlotsAreSideBySide()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/compare?run=brisk-lion&run=quiet-toad");

        Assert.Contains("None of the selected runs has the curves&#39; points", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_FewerThanTwoOrUnknown_SaysWhatToDo_NeverAnError()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        var one = await ui.Http.GetStringAsync("/compare?run=brisk-lion");
        var unknown = await ui.Http.GetStringAsync("/compare?run=brisk-lion&run=..%2F..%2Fetc%2Fpasswd");

        Assert.Contains("Select two or more experiments on the Experiments page to compare them.", one, StringComparison.Ordinal);
        Assert.Contains("No experiment named ../../etc/passwd.", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_PlotsMissingFromTheCache_SaysHowToFetchThem()
    {
        using var repo = new UiRepository();
        repo.AddEvaluationPlots("brisk-lion");
        Directory.Delete(Path.Combine(repo.Root, ".dvc", "cache"), recursive: true);
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync($"/compare?run={repo.HeadSha[..7]}&run=brisk-lion");

        Assert.Contains("The plots of brisk-lion are not in the local DVC cache", html, StringComparison.Ordinal);
        Assert.Contains($"The dvc.lock of {repo.HeadSha[..7]} records no reports/evaluation output.", html, StringComparison.Ordinal);
    }

    /// <summary>The SVG of the overlaid chart whose data-curve is <paramref name="curve"/>.</summary>
    private static string CurveSvg(string html, string curve) =>
        MonitoringPageTests.Svg(html.Replace($"data-curve=\"{curve}\"", "id=\"the-curve\"", StringComparison.Ordinal), "the-curve");
}
