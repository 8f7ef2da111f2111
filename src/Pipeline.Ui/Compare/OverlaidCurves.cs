using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Git.Experiments;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Compare;

/// <summary>
/// The curves of the selected runs overlaid in one chart each (a run in its colour of the page), from the points
/// Evaluate writes beside the plots under <c>reports/evaluation</c>: binary ROC, precision-recall and calibration
/// (<c>roc.csv</c>, <c>pr.csv</c>, <c>calibration.csv</c>), regression's binned predicted-vs-actual and residuals' error
/// characteristic (<c>predicted_vs_actual.csv</c>, <c>residuals.csv</c>). A run evaluated before those files existed, or
/// whose files are not readable, is named under the chart; a kind no selected run has is left out.
/// </summary>
internal static class OverlaidCurves
{
    /// <summary>One kind of curve: its file, title, axes, whether both axes span 0..1, and the ideal line (y = x) drawn.</summary>
    private sealed record Kind(string File, string Title, string X, string Y, bool UnitSquare, bool Diagonal, ScottPlot.Alignment Legend);

    // NOTE: the file names and columns are the ones Pipeline.Ml's EvaluationReport writes.
    private static readonly Kind[] Kinds =
    [
        new("roc.csv", "ROC", "false positive rate", "true positive rate", true, true, ScottPlot.Alignment.LowerRight),
        new("pr.csv", "Precision-recall", "recall", "precision", true, false, ScottPlot.Alignment.LowerLeft),
        new("calibration.csv", "Calibration", "mean predicted probability", "observed positive rate", true, true, ScottPlot.Alignment.UpperLeft),
        new("predicted_vs_actual.csv", "Predicted vs actual (binned)", "mean predicted", "mean actual", false, true, ScottPlot.Alignment.UpperLeft),
        new("residuals.csv", "Residuals: error characteristic", "absolute error", "share of rows within", false, false, ScottPlot.Alignment.LowerRight),
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
            var runs = series.Select(s => s.Name).ToList();
            if (kind.Diagonal && !kind.UnitSquare) series.Add(Ideal(series));
            var uri = LineChart.Render($"{kind.Title} of the selected runs", kind.X, kind.Y, series, unitSquare: kind.UnitSquare, diagonal: kind.Diagonal && kind.UnitSquare, legend: kind.Legend);
            charts.Add(Markup.Of($"""
                <figure><img class="chart" data-curve="{kind.File}" alt="{kind.Title} curves of {string.Join(", ", runs)}" src="{uri}">
                {(without.Count > 0 ? Markup.Of($"<figcaption class=\"missing\">No {kind.File} for {string.Join(", ", without)} (evaluated before Evaluate wrote the curves' points, or not in the local DVC cache): see the plots below.</figcaption>") : Markup.Empty)}</figure>
                """));
        }

        return charts.Count == 0
            ? Layout.Missing("None of the selected runs has the curves' points (reports/evaluation/roc.csv, pr.csv, calibration.csv for binary models; predicted_vs_actual.csv, residuals.csv for regression; ./build.sh Evaluate writes them): the plots below are side by side.")
            : Markup.Of($"<div class=\"charts\" id=\"curves\">{Markup.Join(charts)}</div>");
    }

    /// <summary>The ideal line y = x (grey, dashed) across the range of every run's points.</summary>
    private static ChartSeries Ideal(IReadOnlyList<ChartSeries> series)
    {
        var values = series.SelectMany(s => s.Points.SelectMany(p => new[] { p.X, p.Y ?? p.X })).ToList();
        var (low, high) = (values.Min(), values.Max());
        return new ChartSeries("ideal (y = x)", "#bbbbbb", [(low, low), (high, high)], Dashed: true);
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
