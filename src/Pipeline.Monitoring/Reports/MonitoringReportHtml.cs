using System.Net;
using System.Text;
using Pipeline.Monitoring.Drift;
using static Pipeline.Monitoring.Reports.SvgChart;

namespace Pipeline.Monitoring.Reports;

/// <summary>The self-contained HTML monitoring report: verdict, drift table and per-feature plots, performance and latency over time.</summary>
internal static class MonitoringReportHtml
{
    /// <summary>The whole page (inline CSS and SVG charts drawn by ScottPlot only).</summary>
    public static string Write(MonitoringReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Monitoring report</title><style>")
            .Append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}")
            .Append(".drift{color:#b00}.feature{display:inline-block;margin:6px}</style></head><body>\n")
            .Append("<h1>Monitoring report: ").Append(E(MonitoringReportJson.VerdictName(report.Verdict))).Append("</h1>\n<ul>");
        foreach (var reason in report.Reasons) html.Append("<li>").Append(E(reason)).Append("</li>");
        var w = report.Window;
        html.Append("</ul>\n<p>").Append(w.Predictions).Append(" predictions, ").Append(w.Labelled).Append(" labelled; model versions ")
            .Append(E(string.Join(", ", w.ModelVersions))).Append("</p>\n");
        if (report.Origin is { } o)
        {
            html.Append("<p>Baseline: ").Append(o.Version is { } v ? "production version " + E(v) : "the workspace").Append("; reference ")
                .Append(E(o.Reference)).Append(" (").Append(o.ReferenceRows).Append(" rows); metrics ").Append(E(o.Metrics)).Append(" (").Append(E(o.MetricsRows)).Append(")</p>\n");
        }

        WriteDrift(html, report);
        if (report.Recommendation is { } recommendation) Recommendations.RecommendationReportParts.WriteHtml(html, recommendation);
        else WritePerformance(html, report.Performance);
        WriteSystem(html, report);
        return html.Append("</body></html>\n").ToString();
    }

    private static void WriteDrift(StringBuilder html, MonitoringReport report)
    {
        html.Append("<h2>Data drift</h2>\n<table><tr><th>feature</th><th>method</th><th>statistic</th><th>p-value</th><th>effect size</th><th>drift</th></tr>");
        foreach (var c in report.Drift.Columns)
        {
            html.Append(c.Drift ? "<tr class=\"drift\">" : "<tr>").Append("<td>").Append(E(c.Name)).Append("</td><td>").Append(c.Method.WireName())
                .Append("</td><td>").Append(N(c.Statistic)).Append("</td><td>").Append(N(c.PValue)).Append("</td><td>").Append(N(c.EffectSize))
                .Append("</td><td>").Append(c.InsufficientData ? "insufficient data" : c.Drift ? "yes" : "no").Append("</td></tr>");
        }

        html.Append("</table>\n")
            .Append(Lines([("share of features drifting", "#d62728", report.Performance.Buckets.Select(b => b.DriftShare).ToArray())]))
            .Append("\n<p>Red: share of the features drifting against the reference, per time bucket. Grey: training reference; blue: current window.</p>\n");
        foreach (var d in report.Distributions)
        {
            html.Append("<div class=\"feature\"><h3>").Append(E(d.Name)).Append("</h3>").Append(Bars(d.Bins, d.ReferenceShares, d.CurrentShares)).Append("</div>\n");
        }
    }

    private static void WritePerformance(StringBuilder html, PerformanceSection p)
    {
        html.Append("<h2>Performance</h2>\n<p>");
        if (p.Measured is { } m)
        {
            html.Append("Accuracy ").Append(F(m.Accuracy)).Append(" (95% CI ").Append(F(m.AccuracyInterval.Lower)).Append('-')
                .Append(F(m.AccuracyInterval.Upper)).Append(") on ").Append(m.Count).Append(" labels; AUC ").Append(N(m.Auc));
        }
        else if (p.Estimate is { } e)
        {
            html.Append("<strong>Estimated</strong> (CBPE, no labels) accuracy ").Append(F(e.Accuracy)).Append(" from ").Append(e.Count).Append(" predictions");
        }
        else
        {
            html.Append("No performance: too few labels and no probabilities");
        }

        html.Append("; baseline accuracy ").Append(N(p.Baseline.Accuracy)).Append(", AUC ").Append(N(p.Baseline.Auc)).Append(".</p>\n")
            .Append(Lines([
                ("accuracy", "#1f77b4", p.Buckets.Select(b => b.Accuracy).ToArray()),
                ("estimated accuracy", "#ff7f0e", p.Buckets.Select(b => b.EstimatedAccuracy).ToArray()),
            ])).Append("\n<p>Blue: measured accuracy; orange: estimated accuracy, per time bucket.</p>\n");
    }

    private static void WriteSystem(StringBuilder html, MonitoringReport report)
    {
        var s = report.System;
        html.Append("<h2>Latency</h2>\n<p>p50 ").Append(N(s.LatencyP50)).Append(" ms, p95 ").Append(N(s.LatencyP95)).Append(" ms, p99 ")
            .Append(N(s.LatencyP99)).Append(" ms; throughput ").Append(N(s.ThroughputPerSecond)).Append(" predictions/s; error rate ").Append(N(s.ErrorRate)).Append(".</p>\n")
            .Append(Lines([("p95 latency (ms)", "#2ca02c", report.Performance.Buckets.Select(b => b.LatencyP95).ToArray())])).Append('\n');
        MonitoringHostHtml.Write(html, s.Hosts);
    }

    private static string N(double? value) => value is { } v && double.IsFinite(v) ? F(v) : "-";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
