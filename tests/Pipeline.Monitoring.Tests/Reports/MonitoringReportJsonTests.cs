using Pipeline.Formats.Params;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Reports;
using Pipeline.Monitoring.Tests.Logs;

namespace Pipeline.Monitoring.Tests.Reports;

public sealed class MonitoringReportJsonTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToJson_TinyWindow_MatchesGolden()
    {
        Assert.Equal(Golden, TinyReport().ToJson());
    }

    [Fact]
    public void ToHtml_TinyWindow_IsSelfContained()
    {
        var html = TinyReport().ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        // NOTE: ScottPlot's SVG clips with url(#id) references to elements in the same chart; nothing is fetched.
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(5, html.Split("<svg").Length - 1);
    }

    [Fact]
    public void Write_JsonAndHtml_LandAtomically()
    {
        using var log = new PredictionLogFile();
        var json = Path.Combine(log.Folder, "reports", "monitoring.json");
        var html = Path.Combine(log.Folder, "reports", "monitoring.html");
        MonitoringReportFile.Write(TinyReport(), json, html);
        Assert.Equal(Golden, File.ReadAllText(json));
        Assert.True(new FileInfo(html).Length > 0);
        Assert.Equal(["monitoring.html", "monitoring.json"], Directory.GetFiles(Path.GetDirectoryName(json)!).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void History_EachRunAppendsTheReportAsOneLine_AndEndsALineACrashCutShort()
    {
        using var log = new PredictionLogFile();
        var history = Path.Combine(log.Folder, "reports", MonitoringHistory.FileName);
        var report = TinyReport();

        MonitoringHistory.Append(report, history);
        File.AppendAllText(history, "{\"verdict\": \"heal");
        MonitoringHistory.Append(report, history);

        var lines = File.ReadAllLines(history);
        Assert.Equal(3, lines.Length);
        Assert.Equal(lines[0], lines[2]);
        Assert.DoesNotContain('\n', MonitoringHistory.Line(report));
        using var line = System.Text.Json.JsonDocument.Parse(lines[0]);
        using var latest = System.Text.Json.JsonDocument.Parse(Golden);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(latest.RootElement, line.RootElement));
        Assert.Equal(latest.RootElement.EnumerateObject().Select(p => p.Name), line.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void HistoryLine_IsMonitoringJsonWithoutItsIndentation_ByteForByte()
    {
        // NOTE: what the line was before the report's writer took a compact option: monitoring.json parsed and re-written compact.
        using var golden = System.Text.Json.JsonDocument.Parse(Golden);
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            golden.WriteTo(json);
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), MonitoringHistory.Line(TinyReport()));
    }

    [Fact]
    public void History_FirstRun_CreatesTheFileWithOneLineAndNoSeparator()
    {
        using var log = new PredictionLogFile();
        var history = Path.Combine(log.Folder, "reports", MonitoringHistory.FileName);

        MonitoringHistory.Append(TinyReport(), history);

        Assert.Equal(MonitoringHistory.Line(TinyReport()) + "\n", File.ReadAllText(history));
    }

    [Fact]
    public void Options_InvalidWindow_NamesTheParamsKey()
    {
        var error = Assert.Throws<ParamException>(() => new MonitoringReportBuilder(new MonitoringOptions { WindowSize = 0 }));
        Assert.Contains("monitor.window_size", error.Message, StringComparison.Ordinal);
    }

    private static MonitoringReport TinyReport()
    {
        using var log = new PredictionLogFile();
        double[] xs = [1, 2, 3, 4];
        string[] devices = ["mobile", "mobile", "desktop", "mobile"];
        for (var i = 0; i < 4; i++)
        {
            var id = "r" + i;
            log.AddPrediction(id, Start.AddSeconds(2 * i), $"{{\"x\":{xs[i]},\"device\":\"{devices[i]}\"}}",
                $"{{\"probability\":0.{i + 2},\"label\":{(i >= 3 ? "true" : "false")}}}", 10 + i);
            log.AddFeedback(id, Start.AddMinutes(1), i % 2 == 0 ? "false" : "true");
        }

        var window = PredictionLogReader.Read(log.Path);
        var reference = new DriftDataset([
            DatasetColumn.Numeric("x", [1.5, 2.5, 3.5, 4.5]),
            DatasetColumn.Categorical("device", ["mobile", "desktop", "mobile", "desktop"]),
            DatasetColumn.Categorical("label", ["true", "false", "true", "false"]),
        ]);
        var options = new MonitoringOptions
        {
            MinimumPredictions = 3, MinimumLabels = 2, MinimumClassLabels = 1, Buckets = 2, Drift = new DriftOptions { MinimumSampleSize = 4 },
        };
        return new MonitoringReportBuilder(options).Build(window, reference, new BaselineMetrics(0.75, 0.8, 0.5));
    }

    // NOTE: checked by hand: accuracy 3/4, AUC 3/4 (pairs 0.3>0.2, 0.5>0.2, 0.5>0.4), CBPE per bucket (0.8+0.7)/2 and (0.6+0.5)/2,
    // latency p50 of 10..13 = 11.5, throughput 3 gaps / 6 s; "label" of the reference is not a logged feature.
    private static readonly string Golden = GoldenFile.Read("Reports/Goldens/monitoring-report.json");
}
