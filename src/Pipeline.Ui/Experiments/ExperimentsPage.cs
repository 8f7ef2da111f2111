using System.Globalization;
using LibGit2Sharp;
using Pipeline.Engine.Failures;
using Pipeline.Git.Experiments;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Experiments;

/// <summary>
/// The Experiments page: the workspace, HEAD and its previous commits, each with its <c>refs/exps</c> experiments
/// (<see cref="ExperimentHistory"/>), in one table of metrics and params (for HEAD alone the table of
/// <c>./build.sh Experiments</c>), sortable by any column; a value that differs from HEAD's is highlighted.
/// </summary>
internal static class ExperimentsPage
{
    public static string Render(string root, string? sort, string? direction)
    {
        ExperimentTable table;
        int commits;
        try
        {
            (table, commits) = ExperimentHistory.Read(root);
        }
        catch (Exception e) when (e is InvalidOperationException or UsageException or LibGit2SharpException)
        {
            return Layout.Page("Experiments", "/experiments", Layout.Missing($"No experiments to show: {e.Message}"));
        }

        var order = sort is { Length: > 0 } ? new ExperimentSort(sort, direction == "desc") : null;
        var baseline = table.Rows.Count > 1 ? table.Rows[1] : null;
        var columns = new List<(string Key, string Label, Func<ExperimentRow, string?> Value, bool Compared)>
        {
            ("name", "Experiment", r => r.Name, false),
            ("created", "Created", r => r.Created?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), false),
        };
        columns.AddRange(table.MetricNames.Select(m => ($"metric:{m}", m, (Func<ExperimentRow, string?>)(r => r.Metrics.GetValueOrDefault(m)), true)));
        columns.AddRange(table.ParamNames.Select(p => ($"param:{p}", p, (Func<ExperimentRow, string?>)(r => r.Params.GetValueOrDefault(p)), true)));

        var header = columns.Select(c => HeaderCell(c.Key, c.Label, order)).Prepend(Markup.Of($"Compare"));
        var rows = (order?.Apply(table.Rows) ?? table.Rows).Select(row => columns.Select(c =>
        {
            var value = c.Value(row);
            var differs = c.Compared && baseline is not null && row != baseline && value != c.Value(baseline);
            var numeric = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            var css = string.Join(' ', new[] { numeric ? "num" : null, differs ? "diff" : null }.OfType<string>());
            return c.Key == "name" ? Markup.Of($"<th scope=\"row\">{value}</th>") : Table.Cell(value, css.Length > 0 ? css : null);
        }).Prepend(Markup.Of($"<td><input type=\"checkbox\" name=\"run\" value=\"{row.Name}\" form=\"compare\" aria-label=\"compare {row.Name}\"></td>")));
        var body = Markup.Of($"""
            <p class="muted">{Scope(commits, table.Rows.Count - 1 - commits)} Highlighted: a metric or param that differs from HEAD's. Click a column to sort.</p>
            <form id="compare" action="/compare" method="get"><button type="submit" id="compare-button">Compare selected</button> <span class="muted">Tick two or more rows: their params, metrics and evaluation plots side by side.</span></form>
            {Table.Render("experiments", header, rows)}
            """);
        return Layout.Page("Experiments", "/experiments", body);
    }

    private static string Scope(int commits, int experiments) => commits == 1
        ? $"The workspace, HEAD and HEAD's {experiments} experiments (refs/exps)."
        : $"The workspace, HEAD and its {commits - 1} previous commits (first parents; at most {ExperimentHistory.MaxCommits} commits in all), each followed by its experiments (refs/exps): {experiments} experiments.";

    private static Markup HeaderCell(string key, string label, ExperimentSort? order)
    {
        var arrow = order?.Column == key ? (order.Descending ? " ▼" : " ▲") : "";
        var href = $"/experiments?sort={Uri.EscapeDataString(key)}&dir={ExperimentSort.Toggle(order, key)}";
        return Markup.Of($"<a href=\"{href}\" data-column=\"{key}\">{label}{arrow}</a>");
    }
}
