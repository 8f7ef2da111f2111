using ScottPlot;

namespace Pipeline.Ui.Html;

/// <summary>One line of a <see cref="LineChart"/>: its legend, colour, points (a null y leaves a gap) and whether it is dashed.</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<(double X, double? Y)> Points, bool Dashed = false);

/// <summary>A vertical line across a <see cref="LineChart"/> at <paramref name="X"/> (an event, e.g. a Retrain decision); markers of one name share one legend entry.</summary>
internal sealed record ChartMarker(double X, string Name, string Colour);

/// <summary>
/// Line charts drawn server-side by ScottPlot (the library Ml and Monitoring draw with) as SVG, embedded as a data URI
/// image: no script, nothing fetched. Used for the monitoring history (x is a time) and the compare page's curves.
/// </summary>
internal static class LineChart
{
    private const int Width = 520;
    private const int Height = 300;

    // NOTE: the palette's order is the order of the series (or of the selected runs), the same in every chart of a page.
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>How many colours there are before they repeat (ui.css has a <c>.swatch-N</c> for each).</summary>
    public static int Colours => Palette.Length;

    /// <summary>The colour of the <paramref name="index"/>th series.</summary>
    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>
    /// The chart as a data URI. <paramref name="times"/>: x values are <see cref="DateTime.ToOADate"/> and the axis shows
    /// dates; <paramref name="unitSquare"/>: both axes span 0..1 (ROC and PR curves), with the chance
    /// <paramref name="diagonal"/> drawn if asked; <paramref name="markers"/>: dotted vertical lines; <paramref name="legend"/>:
    /// where the legend goes (by default upper left, or in a unit square the corner the curves leave free).
    /// </summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, bool times = false, bool unitSquare = false, bool diagonal = false, IReadOnlyList<ChartMarker>? markers = null, Alignment? legend = null)
    {
        var plot = new Plot();
        if (diagonal)
        {
            var chance = plot.Add.Line(0, 0, 1, 1);
            chance.Color = Color.FromHex("#bbbbbb");
            chance.LinePattern = LinePattern.Dotted;
        }

        foreach (var s in series)
        {
            var first = true;
            foreach (var (xs, ys) in Segments(s.Points))
            {
                var line = plot.Add.Scatter(xs, ys, Color.FromHex(s.Colour));
                line.LineWidth = 2;
                line.MarkerSize = xs.Length == 1 || times ? 5 : 0;
                if (s.Dashed) line.LinePattern = LinePattern.Dashed;
                if (first) line.LegendText = s.Name;
                first = false;
            }
        }

        foreach (var group in (markers ?? []).GroupBy(m => m.Name))
        {
            var first = true;
            foreach (var marker in group)
            {
                var line = plot.Add.VerticalLine(marker.X, 1.5f, Color.FromHex(marker.Colour), LinePattern.Dotted);
                if (first) line.LegendText = marker.Name;
                first = false;
            }
        }

        if (times) plot.Axes.DateTimeTicksBottom();
        if (unitSquare) plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        if (series.Count > 0 || markers is { Count: > 0 }) plot.ShowLegend(legend ?? (!unitSquare ? Alignment.UpperLeft : diagonal ? Alignment.LowerRight : Alignment.LowerLeft));
        return SvgUri(plot.GetSvgXml(Width, Height));
    }

    /// <summary>An SVG document as a data URI for an <c>img</c>.</summary>
    public static string SvgUri(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));

    /// <summary>The runs of points with a y value, as arrays.</summary>
    private static IEnumerable<(double[] Xs, double[] Ys)> Segments(IReadOnlyList<(double X, double? Y)> points)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var (x, y) in points.Append((double.NaN, null)))
        {
            if (y is { } value && double.IsFinite(value))
            {
                xs.Add(x);
                ys.Add(value);
                continue;
            }

            if (xs.Count > 0) yield return (xs.ToArray(), ys.ToArray());
            xs.Clear();
            ys.Clear();
        }
    }
}
