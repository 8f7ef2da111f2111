using System.Net;
using Pipeline.Ui.Tests.Fixture;

namespace Pipeline.Ui.Tests;

public sealed class MonitoringPageTests
{
    [Fact]
    public async Task Monitoring_History_ChartsDriftPerformanceAndHost_TablesTheRuns_AndShowsTheRetrainDecision()
    {
        using var repo = new UiRepository();
        repo.AddMonitoringHistory();
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/monitoring");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("(3 runs, reports/monitoring-history.jsonl)", html, StringComparison.Ordinal);
        Assert.Contains("1 line(s) of reports/monitoring-history.jsonl are not monitoring reports and were skipped", html, StringComparison.Ordinal);
        foreach (var chart in new[] { "drift", "performance", "latency", "host-cpu", "host-memory" })
            Assert.Contains($"<img class=\"chart\" id=\"chart-{chart}\" alt=\"", html, StringComparison.Ordinal);
        // NOTE: newest first; the last run has no labels, so its accuracy is the estimate alone, marked as such.
        Assert.Contains("<tr><th scope=\"row\">2026-03-03 12:00:00Z</th><td>drifted</td><td>amount</td><td class=\"num\">-</td><td class=\"num\">0.79 (est.)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">2026-03-01 12:00:00Z</th><td>healthy</td><td></td><td class=\"num\">0.91</td><td class=\"num\">-</td><td class=\"num\">0.94</td><td class=\"num\">12.5</td><td>http://127.0.0.1:5080</td><td class=\"num\">0.12</td><td class=\"num\">200</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>http://127.0.0.1:5080<br>http://127.0.0.1:5081</td><td class=\"num\">0.2<br>0.6</td><td class=\"num\">210<br>400</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>http://127.0.0.1:5080<br>http://127.0.0.1:5081: host not reachable at http://127.0.0.1:5081: Connection refused</td><td class=\"num\">0.35<br>-</td>", html, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"retrain-decision\">retrain</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<td>v0.0.1 → v0.0.2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_HistoryChart_DrawsALinePerFeatureNamedWithItsMeasure()
    {
        using var repo = new UiRepository();
        repo.AddMonitoringHistory();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/monitoring");

        var svg = Svg(html, "chart-drift");
        Assert.Contains("amount (ks_statistic)", svg, StringComparison.Ordinal);
        Assert.Contains("device (cramers_v)", svg, StringComparison.Ordinal);
        var performance = Svg(html, "chart-performance");
        Assert.Contains("accuracy, measured", performance, StringComparison.Ordinal);
        Assert.Contains("accuracy, estimated (CBPE)", performance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_HostCharts_DrawALinePerServingHost_NamedByItsAddress()
    {
        using var repo = new UiRepository();
        repo.AddMonitoringHistory();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/monitoring");

        foreach (var chart in new[] { "chart-host-cpu", "chart-host-memory" })
        {
            var svg = Svg(html, chart);
            Assert.Contains("http://127.0.0.1:5080", svg, StringComparison.Ordinal);
            Assert.Contains("http://127.0.0.1:5081", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Monitoring_RetrainHistory_TablesEveryDecisionNewestFirst_AndMarksThemOnTheCharts()
    {
        using var repo = new UiRepository();
        repo.AddMonitoringHistory();
        await using var ui = await RunningUi.StartAsync(repo);

        var html = await ui.Http.GetStringAsync("/monitoring");

        Assert.Contains("(3 decisions, reports/retrain-history.jsonl;", html, StringComparison.Ordinal);
        Assert.Contains("1 line(s) of reports/retrain-history.jsonl are not Retrain decisions and were skipped", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("<table id=\"retrain-history\">", StringComparison.Ordinal)..];
        var newest = table.IndexOf("<tr><th scope=\"row\">2026-03-03T12:05:00Z</th><td class=\"retrain\">retrain</td><td>amount drifted (ks 0.41)</td><td>fraud-detector</td><td>v0.0.1 → v0.0.2</td><td class=\"num\">0</td></tr>", StringComparison.Ordinal);
        var middle = table.IndexOf("<tr><th scope=\"row\">2026-03-02T12:05:00Z</th><td>no retraining</td><td>Dataset drift only, and monitor.retrain_on_drift is false.</td><td>fraud-detector</td><td>v0.0.1 → none</td><td class=\"num\">-</td></tr>", StringComparison.Ordinal);
        // NOTE: the oldest line was written before the trace named its model.
        var oldest = table.IndexOf("<tr><th scope=\"row\">2026-03-01T12:05:00Z</th><td>no retraining</td><td>Healthy: nothing warrants retraining.</td><td>-</td>", StringComparison.Ordinal);
        Assert.True(newest >= 0 && middle > newest && oldest > middle, $"rows newest first: {newest}, {middle}, {oldest}");
        foreach (var chart in new[] { "chart-drift", "chart-performance" })
        {
            var svg = Svg(html, chart);
            Assert.Contains("Retrain: retrained", svg, StringComparison.Ordinal);
            Assert.Contains("Retrain: no retraining", svg, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Monitoring_NoHistoryYet_ChartsTheLatestReportAndSaysSo_NoRetrainDecision()
    {
        using var repo = new UiRepository();
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/monitoring");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No reports/monitoring-history.jsonl yet (./build.sh Monitor appends a line per run): the charts show the latest report only.", html, StringComparison.Ordinal);
        Assert.Contains("No Retrain decision yet (reports/retrain.json)", html, StringComparison.Ordinal);
        Assert.Contains("No reports/retrain-history.jsonl yet: ./build.sh Retrain appends a line per decision.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_CorruptRetrainJson_IsAMessage_NeverAnError()
    {
        using var repo = new UiRepository();
        File.WriteAllText(Path.Combine(repo.Root, "reports", "retrain.json"), "{\"time\": 3}");
        File.WriteAllText(Path.Combine(repo.Root, "reports", "monitoring-history.jsonl"), "not json\n");
        await using var ui = await RunningUi.StartAsync(repo);

        using var response = await ui.Http.GetAsync("/monitoring");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reports/retrain.json cannot be read (", html, StringComparison.Ordinal);
        Assert.Contains("No monitoring run to chart yet", html, StringComparison.Ordinal);
    }

    /// <summary>The SVG behind the data URI of the image with <paramref name="id"/>.</summary>
    internal static string Svg(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        const string Prefix = "data:image/svg+xml;base64,";
        var from = html.IndexOf(Prefix, start, StringComparison.Ordinal) + Prefix.Length;
        var to = html.IndexOf('"', from);
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(html[from..to]));
    }
}
