using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Git.Experiments;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Compare;

/// <summary>
/// The ROC and precision-recall curves of the selected runs overlaid in one chart each (a run in its colour of the
/// page), from the points Evaluate writes beside the plots (<c>reports/evaluation/roc.csv</c>, <c>pr.csv</c>). A run
/// evaluated before those files existed, or whose files are not readable, is named under the chart.
/// </summary>
internal static class OverlaidCurves
{
    // NOTE: the file names and columns are the ones Pipeline.Ml's EvaluationReport writes.
    private static readonly (string File, string Title, string X, string Y, bool Diagonal)[] Kinds =
    [
        ("roc.csv", "ROC", "false positive rate", "true positive rate", true),
        ("pr.csv", "Precision-recall", "recall", "precision", false),
    ];

    public static Markup Render(string root, IReadOnlyList<ExperimentRow> rows)
    {
        var files = rows.Select(r => EvaluationPlots.Files(root, r, ".csv").Files).ToList();
        var charts = new List<Markup>();
        foreach (var kind in Kinds)
        {
            var series = new List<ChartSeries>();
            var without = new List<string>();
            for (var i = 0; i < rows.Count; i++)
            {
                var path = files[i].FirstOrDefault(f => f.Key == kind.File).Value;
                if (path is not null && Points(path) is { Count: > 0 } points) series.Add(new ChartSeries(rows[i].Name, LineChart.Colour(i), points));
                else without.Add(rows[i].Name);
            }

            if (series.Count == 0) continue;
            var uri = LineChart.Render($"{kind.Title} of the selected runs", kind.X, kind.Y, series, unitSquare: true, diagonal: kind.Diagonal);
            charts.Add(Markup.Of($"""
                <figure><img class="chart" data-curve="{kind.File}" alt="{kind.Title} curves of {string.Join(", ", series.Select(s => s.Name))}" src="{uri}">
                {(without.Count > 0 ? Markup.Of($"<figcaption class=\"missing\">No {kind.File} for {string.Join(", ", without)} (evaluated before Evaluate wrote the curves' points, or not in the local DVC cache): see the plots below.</figcaption>") : Markup.Empty)}</figure>
                """));
        }

        return charts.Count == 0
            ? Layout.Missing("None of the selected runs has the curves' points (reports/evaluation/roc.csv, pr.csv; ./build.sh Evaluate writes them for binary models): the plots below are side by side.")
            : Markup.Of($"<div class=\"charts\" id=\"curves\">{Markup.Join(charts)}</div>");
    }

    /// <summary>The two columns as points, or null when the file is not a two-column numeric CSV.</summary>
    private static List<(double X, double? Y)>? Points(string path)
    {
        try
        {
            using var csv = new CsvSnapshotReader(path);
            if (csv.Header.Count != 2) return null;
            var points = new List<(double X, double? Y)>();
            foreach (var row in csv.ReadRows())
            {
                if (!double.TryParse(row[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                    || !double.TryParse(row[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)) return null;
                points.Add((x, y));
            }
            return points;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
