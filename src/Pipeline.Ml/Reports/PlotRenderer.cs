using System.Globalization;
using ScottPlot;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Reports;

/// <summary>Renders the evaluation plots as PNG bytes with ScottPlot (no timestamps are embedded, so same data, same bytes).</summary>
internal static class PlotRenderer
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>A line chart of one curve with an optional dashed reference diagonal.</summary>
    public static byte[] Curve(string title, string xLabel, string yLabel, (double[] X, double[] Y) curve, bool diagonal, bool markers = false)
    {
        var plot = new Plot();
        if (diagonal)
        {
            var line = plot.Add.Line(0, 0, 1, 1);
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
        }

        var scatter = plot.Add.Scatter(curve.X, curve.Y);
        scatter.MarkerSize = markers ? 7 : 0;
        scatter.LineWidth = 2;
        plot.Axes.SetLimits(0, 1, 0, 1);
        return Render(plot, title, xLabel, yLabel);
    }

    /// <summary>Predicted against actual values (regression), with the identity line.</summary>
    public static byte[] PredictedVsActual(double[] actual, double[] predicted)
    {
        var plot = new Plot();
        var low = Math.Min(actual.DefaultIfEmpty(0).Min(), predicted.DefaultIfEmpty(0).Min());
        var high = Math.Max(actual.DefaultIfEmpty(1).Max(), predicted.DefaultIfEmpty(1).Max());
        var line = plot.Add.Line(low, low, high, high);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        var scatter = plot.Add.ScatterPoints(actual.Take(2000).ToArray(), predicted.Take(2000).ToArray());
        scatter.MarkerSize = 4;
        return Render(plot, "Predicted vs actual", "actual", "predicted");
    }

    /// <summary>A confusion matrix: shaded cells (by share of the actual row) labelled with counts.</summary>
    public static byte[] Confusion(ConfusionMatrix confusion)
    {
        var plot = new Plot();
        var k = confusion.Classes.Count;
        for (var i = 0; i < k; i++)
        {
            var rowTotal = Enumerable.Range(0, k).Sum(j => confusion.Counts[i, j]);
            for (var j = 0; j < k; j++)
            {
                var share = rowTotal == 0 ? 0 : confusion.Counts[i, j] / rowTotal;
                var top = k - i;
                var cell = plot.Add.Rectangle(j, j + 1, top - 1, top);
                cell.FillColor = Colors.SteelBlue.WithAlpha(0.1 + (0.8 * share));
                cell.LineColor = Colors.White;
                var text = plot.Add.Text(confusion.Counts[i, j].ToString("0", CultureInfo.InvariantCulture), j + 0.5, top - 0.5);
                text.LabelFontSize = 16;
                text.LabelAlignment = Alignment.MiddleCenter;
            }
        }

        var ticks = Enumerable.Range(0, k).Select(i => i + 0.5).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. confusion.Classes]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, [.. confusion.Classes.Reverse()]);
        plot.Axes.SetLimits(0, k, 0, k);
        return Render(plot, "Confusion matrix", "predicted", "actual");
    }

    /// <summary>Horizontal bars of permutation importance, most important on top.</summary>
    public static byte[] Importance(IReadOnlyList<FeatureImportance> importance, string metric)
    {
        var plot = new Plot();
        var shown = importance.Take(25).Reverse().ToList();
        var bars = plot.Add.Bars(shown.Select(i => i.Drop).ToArray());
        bars.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray(), shown.Select(i => i.Column).ToArray());
        return Render(plot, "Permutation feature importance", $"drop in {metric}", "");
    }

    private static byte[] Render(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
