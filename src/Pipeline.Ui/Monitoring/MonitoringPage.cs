using System.Globalization;
using System.Text.Json;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Monitoring;

/// <summary>
/// The Monitoring page: the verdict and reasons of <c>reports/monitoring.json</c>; over the runs of
/// <c>reports/monitoring-history.jsonl</c>, drift per feature, performance measured and estimated (marked as such),
/// every serving host's system figures, a table of the runs; the Retrain decisions (the last, <c>reports/retrain.json</c>,
/// and every one, <c>reports/retrain-history.jsonl</c>, as a table and as markers on the drift and performance charts);
/// and the latest HTML report <c>./build.sh Monitor</c> writes (<c>reports/monitoring.html</c>) embedded. A missing or
/// corrupt file is a message.
/// </summary>
internal static class MonitoringPage
{
    public static string Render(string root)
    {
        var html = Path.Combine(root, "reports", "monitoring.html");
        var report = File.Exists(html)
            ? Markup.Of($"""<p><a href="/reports/monitoring.html">Open the report on its own</a></p><iframe class="report" id="monitoring-report" src="/reports/monitoring.html" sandbox title="monitoring report"></iframe>""")
            : Layout.Missing("No monitoring report yet (reports/monitoring.html): run ./build.sh Monitor while the model is served.");
        var (runs, note) = MonitoringHistoryFile.Read(root);
        var (decisions, decisionsNote) = RetrainSection.History(root);
        var markers = MonitoringCharts.Decisions(decisions);
        var history = runs.Count == 0
            ? Layout.Missing($"No monitoring run to chart yet: ./build.sh Monitor appends one to {MonitoringHistoryFile.RelativePath} each run.")
            : Markup.Of($"""
                <h3>Drift per feature</h3>
                <div class="charts">{MonitoringCharts.Drift(runs, markers)}</div>
                <h3>Performance <span class="muted">(measured on labelled traffic; estimated by CBPE where labels are missing: dashed)</span></h3>
                <div class="charts">{MonitoringCharts.Performance(runs, markers)}</div>
                <h3>System</h3>
                <div class="charts">{MonitoringCharts.System(runs)}</div>
                {Runs(runs)}
                """);
        return Layout.Page("Monitoring", "/monitoring", Markup.Of($"""
            {Summary(Path.Combine(root, "reports", "monitoring.json"))}
            <h2>Over runs <span class="muted">({runs.Count} runs, {MonitoringHistoryFile.RelativePath})</span></h2>
            {(note is null ? Markup.Empty : Layout.Missing(note))}
            {history}
            <h2>Last Retrain decision <span class="muted">({RetrainRecord.LatestPath})</span></h2>
            {RetrainSection.Last(root)}
            <h2>Retrain decisions over time <span class="muted">({decisions.Count} decisions, {RetrainRecord.HistoryPath}; dotted lines on the drift and performance charts)</span></h2>
            {(decisionsNote is null ? Markup.Empty : Layout.Missing(decisionsNote))}
            {RetrainSection.Table(decisions)}
            <h2>Latest report</h2>
            {report}
            """));
    }

    private static readonly string[] RunColumns = ["Window end", "Verdict", "Drifted features", "Accuracy (measured)", "Accuracy (estimated)", "AUC (measured)", "p95 ms", "Hosts", "CPU cores", "Memory MiB"];

    /// <summary>The runs, newest first (the last 50).</summary>
    private static Markup Runs(IReadOnlyList<MonitoringRun> runs) => Table.Render("runs", RunColumns.Select(c => Markup.Of($"{c}")), runs.Reverse().Take(50).Select(r => (IEnumerable<Markup>)
    [
        Markup.Of($"<th scope=\"row\">{r.To?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-"}</th>"),
        Table.Cell(r.Verdict),
        Table.Cell(string.Join(", ", r.Drift.Where(d => d.Value.Drift).Select(d => d.Key))),
        Table.Cell(F(r.MeasuredAccuracy), "num"),
        Table.Cell(r.EstimatedAccuracy is null ? null : F(r.EstimatedAccuracy) + " (est.)", "num"),
        Table.Cell(F(r.MeasuredAuc), "num"),
        Table.Cell(F(r.LatencyP95Ms), "num"),
        PerHost(r, h => h.Note is { } note ? $"{h.Address}: {note}" : h.Address, null),
        PerHost(r, h => F(h.CpuCores) ?? "-", "num"),
        PerHost(r, h => F(h.MemoryBytes / (1024.0 * 1024)) ?? "-", "num"),
    ]));

    /// <summary>A cell with a line per serving host of the run (deploy.host order), or "-" when it read none.</summary>
    private static Markup PerHost(MonitoringRun run, Func<HostFigures, string> text, string? cssClass) => run.Hosts.Count == 0
        ? Table.Cell(null, cssClass)
        : Markup.Of($"<td{(cssClass is null ? Markup.Empty : Markup.Of($" class=\"{cssClass}\""))}>{Markup.Join(run.Hosts.Select((h, i) => Markup.Of($"{(i > 0 ? Markup.Of($"<br>") : Markup.Empty)}{text(h)}")))}</td>");

    private static string? F(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    private static Markup Summary(string path)
    {
        if (!File.Exists(path)) return Layout.Missing("No reports/monitoring.json yet: run ./build.sh Monitor.");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = json.RootElement;
            var verdict = root.GetProperty("verdict").GetString();
            var reasons = root.TryGetProperty("reasons", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
                : [];
            return Markup.Of($"""
                <p>Verdict: <strong id="verdict">{verdict}</strong></p>
                {(reasons.Count > 0 ? Markup.Of($"<ul id=\"reasons\">{reasons.Select(x => Markup.Of($"<li>{x}</li>"))}</ul>") : Markup.Empty)}
                """);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return Layout.Missing($"reports/monitoring.json cannot be read ({e.Message}); run ./build.sh Monitor to write it again.");
        }
    }
}
