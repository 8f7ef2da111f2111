using Pipeline.Ui.Html;

namespace Pipeline.Ui.Monitoring;

/// <summary>The Monitoring page's charts over runs (x: each run's window end): drift per feature, performance, the host's figures.</summary>
internal static class MonitoringCharts
{
    /// <summary>A line per feature: its drift score in each run.</summary>
    public static Markup Drift(IReadOnlyList<MonitoringRun> runs)
    {
        var features = runs.SelectMany(r => r.Drift.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (features.Count == 0) return Layout.Missing("The reports hold no per-feature drift.");
        var series = features.Select((f, i) =>
        {
            var measure = runs.Select(r => r.Drift.GetValueOrDefault(f)?.Measure).LastOrDefault(m => m is not null);
            return new ChartSeries($"{f} ({measure})", LineChart.Colour(i), Points(runs, r => r.Drift.GetValueOrDefault(f)?.Score));
        }).ToList();
        return Image("drift", "Drift per feature over runs", LineChart.Render("Drift per feature", "window end", "drift score", series, times: true));
    }

    /// <summary>Accuracy measured on labelled traffic (solid), estimated by CBPE (dashed), the baseline (grey), and the measured AUC.</summary>
    public static Markup Performance(IReadOnlyList<MonitoringRun> runs)
    {
        ChartSeries[] series =
        [
            new("accuracy, measured", LineChart.Colour(0), Points(runs, r => r.MeasuredAccuracy)),
            new("accuracy, estimated (CBPE)", LineChart.Colour(1), Points(runs, r => r.EstimatedAccuracy), Dashed: true),
            new("accuracy, baseline", LineChart.Colour(7), Points(runs, r => r.BaselineAccuracy), Dashed: true),
            new("AUC, measured", LineChart.Colour(2), Points(runs, r => r.MeasuredAuc)),
        ];
        return Image("performance", "Performance over runs, measured and estimated", LineChart.Render("Performance", "window end", "score", series, times: true));
    }

    /// <summary>The served traffic's p95 latency, and the host's CPU cores used and resident memory.</summary>
    public static Markup System(IReadOnlyList<MonitoringRun> runs) => Markup.Of($"""
        {Image("latency", "p95 latency over runs", LineChart.Render("Latency p95", "window end", "ms", [new("p95 latency", LineChart.Colour(0), Points(runs, r => r.LatencyP95Ms))], times: true))}
        {Image("host", "The serving host's CPU and memory over runs", LineChart.Render("Serving host", "window end", "cores / GiB", [
            new("CPU cores used", LineChart.Colour(3), Points(runs, r => r.HostCpuCores)),
            new("resident memory (GiB)", LineChart.Colour(4), Points(runs, r => r.HostMemoryBytes / (1024.0 * 1024 * 1024))),
        ], times: true))}
        """);

    private static List<(double X, double? Y)> Points(IReadOnlyList<MonitoringRun> runs, Func<MonitoringRun, double?> value) =>
        runs.Where(r => r.To is not null).Select(r => (r.To!.Value.UtcDateTime.ToOADate(), value(r))).ToList();

    private static Markup Image(string id, string alt, string uri) =>
        Markup.Of($"<img class=\"chart\" id=\"chart-{id}\" alt=\"{alt}\" src=\"{uri}\">");
}
