using Pipeline.Ui.Html;

namespace Pipeline.Ui.Monitoring;

/// <summary>The Monitoring page's charts over runs (x: each run's window end): drift per feature, performance, every host's figures.</summary>
internal static class MonitoringCharts
{
    /// <summary>A line per feature: its drift score in each run.</summary>
    public static Markup Drift(IReadOnlyList<MonitoringRun> runs, IReadOnlyList<ChartMarker> markers)
    {
        var features = runs.SelectMany(r => r.Drift.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (features.Count == 0) return Layout.Missing("The reports hold no per-feature drift.");
        var series = features.Select((f, i) =>
        {
            var measure = runs.Select(r => r.Drift.GetValueOrDefault(f)?.Measure).LastOrDefault(m => m is not null);
            return new ChartSeries($"{f} ({measure})", LineChart.Colour(i), Points(runs, r => r.Drift.GetValueOrDefault(f)?.Score));
        }).ToList();
        return Image("drift", "Drift per feature over runs", LineChart.Render("Drift per feature", "window end", "drift score", series, times: true, markers: markers));
    }

    /// <summary>Accuracy measured on labelled traffic (solid), estimated by CBPE (dashed), the baseline (grey), and the measured AUC.</summary>
    public static Markup Performance(IReadOnlyList<MonitoringRun> runs, IReadOnlyList<ChartMarker> markers)
    {
        ChartSeries[] series =
        [
            new("accuracy, measured", LineChart.Colour(0), Points(runs, r => r.MeasuredAccuracy)),
            new("accuracy, estimated (CBPE)", LineChart.Colour(1), Points(runs, r => r.EstimatedAccuracy), Dashed: true),
            new("accuracy, baseline", LineChart.Colour(7), Points(runs, r => r.BaselineAccuracy), Dashed: true),
            new("AUC, measured", LineChart.Colour(2), Points(runs, r => r.MeasuredAuc)),
        ];
        return Image("performance", "Performance over runs, measured and estimated", LineChart.Render("Performance", "window end", "score", series, times: true, markers: markers));
    }

    /// <summary>The served traffic's p95 latency, and the CPU cores used and resident memory of each serving host (a line per host, named by its address).</summary>
    public static Markup System(IReadOnlyList<MonitoringRun> runs)
    {
        var hosts = runs.SelectMany(r => r.Hosts.Select(h => h.Address)).Distinct(StringComparer.Ordinal).ToList();
        List<ChartSeries> PerHost(Func<HostFigures, double?> value) => hosts.Select((address, i) =>
            new ChartSeries(address, LineChart.Colour(i), Points(runs, r => r.Hosts.FirstOrDefault(h => h.Address == address) is { } h ? value(h) : null))).ToList();
        return Markup.Of($"""
            {Image("latency", "p95 latency over runs", LineChart.Render("Latency p95", "window end", "ms", [new("p95 latency", LineChart.Colour(0), Points(runs, r => r.LatencyP95Ms))], times: true))}
            {Image("host-cpu", "Each serving host's CPU over runs", LineChart.Render("Serving hosts: CPU", "window end", "cores used", PerHost(h => h.CpuCores), times: true))}
            {Image("host-memory", "Each serving host's resident memory over runs", LineChart.Render("Serving hosts: memory", "window end", "resident GiB", PerHost(h => h.MemoryBytes / (1024.0 * 1024 * 1024)), times: true))}
            """);
    }

    /// <summary>A dotted line at each Retrain decision that has a time: red where it retrained, grey where it did not.</summary>
    public static IReadOnlyList<ChartMarker> Decisions(IReadOnlyList<RetrainRecord> decisions) => decisions
        .Where(d => d.Time is not null)
        .Select(d => new ChartMarker(d.Time!.Value.UtcDateTime.ToOADate(), d.Retrain ? "Retrain: retrained" : "Retrain: no retraining", LineChart.Colour(d.Retrain ? 3 : 7)))
        .ToList();

    private static List<(double X, double? Y)> Points(IReadOnlyList<MonitoringRun> runs, Func<MonitoringRun, double?> value) =>
        runs.Where(r => r.To is not null).Select(r => (r.To!.Value.UtcDateTime.ToOADate(), value(r))).ToList();

    private static Markup Image(string id, string alt, string uri) =>
        Markup.Of($"<img class=\"chart\" id=\"chart-{id}\" alt=\"{alt}\" src=\"{uri}\">");
}
