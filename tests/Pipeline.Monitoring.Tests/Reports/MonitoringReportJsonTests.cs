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
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
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
    public void Options_InvalidWindow_NamesTheParamsKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new MonitoringReportBuilder(new MonitoringOptions { WindowSize = 0 }));
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
    private const string Golden = """
        {
          "verdict": "healthy",
          "reasons": [
            "No dataset drift over 2 features and performance is not below the baseline."
          ],
          "window": {
            "predictions": 4,
            "labelled": 4,
            "from": "2026-01-01T00:00:00.0000000Z",
            "to": "2026-01-01T00:00:06.0000000Z",
            "model_versions": [
              "3"
            ],
            "variants": {
              "production": 4
            }
          },
          "data_drift": {
            "columns": {
              "device": {
                "method": "chi2",
                "statistic": 0,
                "p_value": 1,
                "drift": false,
                "threshold": 0.05,
                "effect_size": 0.2581988897471611,
                "effect_size_measure": "cramers_v",
                "reference_size": 4,
                "current_size": 4
              },
              "x": {
                "method": "ks",
                "statistic": 0.25,
                "p_value": 1,
                "drift": false,
                "threshold": 0.05,
                "effect_size": 0.25,
                "effect_size_measure": "ks_statistic",
                "reference_size": 4,
                "current_size": 4
              }
            },
            "drift_share": 0,
            "dataset_drift": false,
            "drift_share_threshold": 0.5,
            "drifted_columns": []
          },
          "performance": {
            "labelled": 4,
            "measured": {
              "estimated": false,
              "count": 4,
              "accuracy": 0.75,
              "accuracy_ci": [
                0.30064184258240184,
                0.9544127391902995
              ],
              "error_rate": 0.25,
              "auc": 0.75,
              "auc_ci": [
                0.20847047866932322,
                1
              ]
            },
            "estimate": null,
            "baseline": {
              "accuracy": 0.75,
              "auc": 0.8,
              "threshold": 0.5
            },
            "below_baseline": false,
            "detectors": {
              "alarm": false,
              "page_hinkley_alarms": 0,
              "ddm_alarms": 0,
              "ddm_warnings": 0,
              "first_alarm_at": null
            },
            "buckets": [
              {
                "from": "2026-01-01T00:00:00.0000000Z",
                "to": "2026-01-01T00:00:03.0000000Z",
                "predictions": 2,
                "labelled": 2,
                "accuracy": 0.5,
                "estimated_accuracy": 0.75,
                "latency_p95_ms": 10.95,
                "drift_share": null
              },
              {
                "from": "2026-01-01T00:00:03.0000000Z",
                "to": "2026-01-01T00:00:06.0000000Z",
                "predictions": 2,
                "labelled": 2,
                "accuracy": 1,
                "estimated_accuracy": 0.55,
                "latency_p95_ms": 12.95,
                "drift_share": null
              }
            ]
          },
          "system": {
            "predictions": 4,
            "latency_ms": {
              "p50": 11.5,
              "p95": 12.85,
              "p99": 12.969999999999999,
              "max": 13
            },
            "throughput_per_second": 0.5,
            "error_rate": null,
            "host": null
          }
        }

        """;
}
