using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Git.Experiments;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Compare;

/// <summary>
/// The curves of the selected runs overlaid in one chart each (a run in its colour of the page), from the points
/// Evaluate writes beside the plots under <c>reports/evaluation</c>: binary ROC, precision-recall and calibration
/// (<c>roc.csv</c>, <c>pr.csv</c>, <c>calibration.csv</c>), regression's binned predicted-vs-actual and residuals' error
/// characteristic (<c>predicted_vs_actual.csv</c>, <c>residuals.csv</c>), a recommender's ranking metrics at each cut-off
/// k (<c>metric_at_k.csv</c>, a chart per metric) and its popularity bias (<c>popularity_bias.csv</c>, with the training
/// interactions' share as the reference). A run evaluated before those files existed, or whose files are not readable,
/// is named under the chart; a kind no selected run has is left out.
/// </summary>
internal static class OverlaidCurves
{
    /// <summary>
    /// One kind of curve: its file and the columns of x and y, title, axes, whether both axes span 0..1, the ideal line
    /// (y = x) drawn, and a column drawn dashed as each run's reference.
    /// </summary>
    private sealed record Kind(string File, string XColumn, string YColumn, string Title, string X, string Y, bool UnitSquare, bool Diagonal, ScottPlot.Alignment Legend, string? Reference = null)
    {
        /// <summary>What the chart's <c>data-curve</c> says: the file, and the column when a file has several charts.</summary>
        public string Id => File == MetricAtK ? $"{File}:{YColumn}" : File;
    }

    private const string MetricAtK = "metric_at_k.csv";

    // NOTE: the file names and columns are the ones Pipeline.Ml writes (EvaluationReport; RecommendationEvaluator for metric_at_k.csv and popularity_bias.csv).
    private static readonly Kind[] Kinds =
    [
        new("roc.csv", "fpr", "tpr", "ROC", "false positive rate", "true positive rate", true, true, ScottPlot.Alignment.LowerRight),
        new("pr.csv", "recall", "precision", "Precision-recall", "recall", "precision", true, false, ScottPlot.Alignment.LowerLeft),
        new("calibration.csv", "mean_predicted", "observed_rate", "Calibration", "mean predicted probability", "observed positive rate", true, true, ScottPlot.Alignment.UpperLeft),
        new("predicted_vs_actual.csv", "mean_predicted", "mean_actual", "Predicted vs actual (binned)", "mean predicted", "mean actual", false, true, ScottPlot.Alignment.UpperLeft),
        new("residuals.csv", "abs_error", "share_within", "Residuals: error characteristic", "absolute error", "share of rows within", false, false, ScottPlot.Alignment.LowerRight),
        new(MetricAtK, "k", "ndcg", "nDCG@k", "k (recommendations)", "nDCG", false, false, ScottPlot.Alignment.LowerRight),
        new(MetricAtK, "k", "hit_rate", "Hit rate@k", "k (recommendations)", "hit rate", false, false, ScottPlot.Alignment.LowerRight),
        new(MetricAtK, "k", "recall", "Recall@k", "k (recommendations)", "recall", false, false, ScottPlot.Alignment.LowerRight),
        new(MetricAtK, "k", "precision", "Precision@k", "k (recommendations)", "precision", false, false, ScottPlot.Alignment.UpperRight),
        new(MetricAtK, "k", "map", "MAP@k", "k (recommendations)", "MAP", false, false, ScottPlot.Alignment.LowerRight),
        new("popularity_bias.csv", "popularity_decile", "share_of_recommendations", "Popularity bias", "popularity decile of the catalogue (0: most popular tenth)", "share of top-10", false, false, ScottPlot.Alignment.UpperRight, Reference: "share_of_interactions"),
    ];

    public static Markup Render(string root, IReadOnlyList<ExperimentRow> rows)
    {
        var files = rows.Select(r => EvaluationPlots.Files(root, r, ".csv").Files).ToList();
        var tables = new Dictionary<string, Columns?>(StringComparer.Ordinal);
        Columns? Table(string path) => tables.TryGetValue(path, out var read) ? read : tables[path] = Columns.Read(path);
        var charts = new List<Markup>();
        foreach (var kind in Kinds)
        {
            var series = new List<ChartSeries>();
            var references = new List<ChartSeries>();
            var without = new List<string>();
            for (var i = 0; i < rows.Count; i++)
            {
                var path = files[i].FirstOrDefault(f => f.Key == kind.File).Value;
                var table = path is null ? null : Table(path);
                if (table?.Points(kind.XColumn, kind.YColumn) is { Count: > 0 } points)
                {
                    series.Add(new ChartSeries(rows[i].Name, LineChart.Colour(i), points));
                    if (kind.Reference is { } column && table.Points(kind.XColumn, column) is { Count: > 0 } reference)
                        references.Add(new ChartSeries($"{rows[i].Name}: {column.Replace('_', ' ')}", LineChart.Colour(i), reference, Dashed: true));
                }
                else
                {
                    without.Add(rows[i].Name);
                }
            }

            if (series.Count == 0) continue;
            var runs = series.Select(s => s.Name).ToList();
            if (kind.Diagonal && !kind.UnitSquare) series.Add(Ideal(series));
            series.AddRange(Shared(references, kind.Reference));
            var uri = LineChart.Render($"{kind.Title} of the selected runs", kind.X, kind.Y, series, unitSquare: kind.UnitSquare, diagonal: kind.Diagonal && kind.UnitSquare, legend: kind.Legend);
            charts.Add(Markup.Of($"""
                <figure><img class="chart" data-curve="{kind.Id}" alt="{kind.Title} curves of {string.Join(", ", runs)}" src="{uri}">
                {(without.Count > 0 ? Markup.Of($"<figcaption class=\"missing\">No {kind.File} for {string.Join(", ", without)} (evaluated before Evaluate wrote the curves' points, not in the local DVC cache, or not a CSV of numbers with those columns): see the plots below.</figcaption>") : Markup.Empty)}</figure>
                """));
        }

        return charts.Count == 0
            ? Layout.Missing("None of the selected runs has the curves' points (reports/evaluation/roc.csv, pr.csv, calibration.csv for binary models; predicted_vs_actual.csv, residuals.csv for regression; metric_at_k.csv, popularity_bias.csv for recommenders; ./build.sh Evaluate writes them): the plots below are side by side.")
            : Markup.Of($"<div class=\"charts\" id=\"curves\">{Markup.Join(charts)}</div>");
    }

    /// <summary>The runs' reference lines: one grey line when every run has the same (runs on one data set), else each run's in its colour.</summary>
    private static List<ChartSeries> Shared(List<ChartSeries> references, string? column)
    {
        if (references.Count == 0) return [];
        return references.All(r => r.Points.SequenceEqual(references[0].Points))
            ? [new ChartSeries(column!.Replace('_', ' '), "#888888", references[0].Points, Dashed: true)]
            : references;
    }

    /// <summary>The ideal line y = x (grey, dashed) across the range of every run's points.</summary>
    private static ChartSeries Ideal(IReadOnlyList<ChartSeries> series)
    {
        var values = series.SelectMany(s => s.Points.SelectMany(p => new[] { p.X, p.Y ?? p.X })).ToList();
        var (low, high) = (values.Min(), values.Max());
        return new ChartSeries("ideal (y = x)", "#bbbbbb", [(low, low), (high, high)], Dashed: true);
    }

    /// <summary>A numeric CSV's columns by header name.</summary>
    private sealed class Columns(IReadOnlyList<string> header, List<double[]> rows)
    {
        /// <summary>Two columns as points, or null when either is missing.</summary>
        public List<(double X, double? Y)>? Points(string x, string y)
        {
            var (xi, yi) = (IndexOf(x), IndexOf(y));
            return xi < 0 || yi < 0 ? null : rows.Select(r => (r[xi], (double?)r[yi])).ToList();
        }

        private int IndexOf(string column) => header.ToList().IndexOf(column);

        /// <summary>The file's columns, or null when it is not readable or a value is not a number.</summary>
        public static Columns? Read(string path)
        {
            try
            {
                using var csv = new CsvSnapshotReader(path);
                var rows = new List<double[]>();
                foreach (var row in csv.ReadRows())
                {
                    var values = new double[csv.Header.Count];
                    for (var c = 0; c < values.Length; c++)
                    {
                        if (c >= row.Length || !double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c])) return null;
                    }
                    rows.Add(values);
                }
                return new Columns(csv.Header, rows);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
