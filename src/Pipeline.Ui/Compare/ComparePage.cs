using System.Globalization;
using LibGit2Sharp;
using Pipeline.Engine.Failures;
using Pipeline.Git.Experiments;
using Pipeline.Ui.Experiments;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Compare;

/// <summary>
/// The comparison of two or more rows of the experiments table (<c>/compare?run=a&amp;run=b</c>): the params that
/// differ, a chart per metric, the curves (ROC, PR, calibration, residuals, metric@k, …) overlaid in one chart each
/// (<see cref="OverlaidCurves"/>), and each run's evaluation plots side by side.
/// </summary>
internal static class ComparePage
{
    private const string Title = "Compare experiments";

    public static string Render(string root, IReadOnlyList<string> selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ExperimentTable table;
        try
        {
            table = ExperimentHistory.Read(root).Table;
        }
        catch (Exception e) when (e is InvalidOperationException or UsageException or LibGit2SharpException)
        {
            return Page(Layout.Missing($"No experiments to compare: {e.Message}"));
        }

        var names = selected.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = names.Where(n => table.Rows.All(r => r.Name != n)).ToList();
        var rows = names.Select(n => table.Rows.FirstOrDefault(r => r.Name == n)).OfType<ExperimentRow>().ToList();
        if (rows.Count < 2)
        {
            var why = unknown.Count > 0 ? $"No experiment named {string.Join(", ", unknown)}. " : "";
            return Page(Layout.Missing($"{why}Select two or more experiments on the Experiments page to compare them."));
        }

        var body = Markup.Of($"""
            {(unknown.Count > 0 ? Layout.Missing($"Not compared (no such experiment): {string.Join(", ", unknown)}.") : Markup.Empty)}
            <p class="muted">Comparing {string.Join(", ", rows.Select(r => r.Name))}. <a href="/experiments">Back to the experiments</a></p>
            <p class="legend">{rows.Select((r, i) => Markup.Of($"<span class=\"swatch swatch-{i % LineChart.Colours}\"></span>{r.Name} "))}</p>
            <h2>Params</h2>
            {Params(rows)}
            <h2>Metrics</h2>
            {Metrics(table, rows)}
            <h2>Curves</h2>
            {OverlaidCurves.Render(root, rows)}
            <h2>Evaluation plots</h2>
            {Plots(root, rows)}
            """);
        return Page(body);
    }

    private static string Page(Markup body) => Layout.Page(Title, "/experiments", body);

    /// <summary>Every param, the ones that differ between the selected rows first and highlighted.</summary>
    private static Markup Params(IReadOnlyList<ExperimentRow> rows)
    {
        var keys = rows.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        bool Differs(string key) => rows.Select(r => r.Params.GetValueOrDefault(key)).Distinct().Count() > 1;
        var ordered = keys.Where(Differs).Concat(keys.Where(k => !Differs(k))).ToList();
        var differing = keys.Count(Differs);
        var header = new[] { Markup.Of($"param") }.Concat(rows.Select(r => Markup.Of($"{r.Name}")));
        var body = ordered.Select(k => (IEnumerable<Markup>)[
            Markup.Of($"<th scope=\"row\">{k}</th>"),
            .. rows.Select(r => Table.Cell(r.Params.GetValueOrDefault(k), Differs(k) ? "diff" : null))]);
        return Markup.Of($"""
            <p class="muted">{differing} of {keys.Count} params differ (highlighted, listed first).</p>
            {Table.Render("param-diff", header, body)}
            """);
    }

    private static Markup Metrics(ExperimentTable table, IReadOnlyList<ExperimentRow> rows)
    {
        var metrics = table.MetricNames.Where(m => rows.Any(r => Number(r.Metrics.GetValueOrDefault(m)) is not null)).ToList();
        if (metrics.Count == 0) return Layout.Missing("None of the selected experiments has metrics (metrics.json).");
        var header = new[] { Markup.Of($"metric") }.Concat(rows.Select(r => Markup.Of($"{r.Name}")));
        var body = metrics.Select(m => (IEnumerable<Markup>)[
            Markup.Of($"<th scope=\"row\">{m}</th>"),
            .. rows.Select(r => Table.Cell(r.Metrics.GetValueOrDefault(m), "num"))]);
        var charts = metrics.Select(m => Markup.Of($"<img class=\"chart\" data-metric=\"{m}\" alt=\"{m} of each experiment\" src=\"{MetricCharts.Bars(m, rows.Select(r => (r.Name, Number(r.Metrics.GetValueOrDefault(m)))).ToList())}\">"));
        return Markup.Of($"""
            {Table.Render("metric-diff", header, body)}
            <div class="charts" id="metric-charts">{charts}</div>
            """);
    }

    /// <summary>A row per plot file, a column per selected run; a run without that plot says so.</summary>
    private static Markup Plots(string root, IReadOnlyList<ExperimentRow> rows)
    {
        var read = rows.Select(r => (Row: r, Result: EvaluationPlots.Read(root, r))).ToList();
        var problems = read.Where(x => x.Result.Problem is not null).Select(x => Layout.Missing(x.Result.Problem!));
        var files = read.SelectMany(x => x.Result.Plots.Select(p => p.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        var sections = files.Select(file => Markup.Of($"""
            <h3>{file}</h3>
            <div class="side-by-side" data-plot="{file}">{read.Select(x => x.Result.Plots.FirstOrDefault(p => p.Key == file) is { Value: not null } plot
                ? Markup.Of($"<figure><img alt=\"{file} of {x.Row.Name}\" src=\"data:image/png;base64,{Convert.ToBase64String(plot.Value)}\"><figcaption>{x.Row.Name}</figcaption></figure>")
                : Markup.Of($"<figure><p class=\"missing\">no {file}</p><figcaption>{x.Row.Name}</figcaption></figure>"))}</div>
            """));
        return Markup.Of($"{problems}{sections}");
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
