using System.Globalization;
using ScottPlot;

namespace Pipeline.Ui.Compare;

/// <summary>
/// One bar chart per metric comparing the selected rows, drawn server-side by ScottPlot (the library Ml and
/// Monitoring draw with) as SVG, embedded as a data URI image: no script, nothing fetched.
/// </summary>
internal static class MetricCharts
{
    private const int Width = 420;
    private const int Height = 260;

    // NOTE: the palette's order is the selection's order, the same colour for a row in every chart.
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>How many colours there are before they repeat (ui.css has a <c>.swatch-N</c> for each).</summary>
    public static int Colours => Palette.Length;

    /// <summary>The colour of the <paramref name="index"/>th selected row.</summary>
    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>A bar chart of <paramref name="metric"/> for each row (a row without the value has no bar), as a data URI.</summary>
    public static string Bars(string metric, IReadOnlyList<(string Name, double? Value)> rows)
    {
        var plot = new Plot();
        var bars = rows.Select((r, i) => r.Value is { } v
            ? new Bar { Position = i, Value = v, FillColor = Color.FromHex(Colour(i)), LineWidth = 0, Label = v.ToString("0.####", CultureInfo.InvariantCulture) }
            : null).OfType<Bar>().ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(r => Short(r.Name)).ToArray());
        var values = rows.Select(r => r.Value).OfType<double>().ToList();
        if (values.Count > 0)
        {
            var low = Math.Min(0, values.Min());
            var high = Math.Max(0, values.Max());
            var pad = (high - low) * 0.15;
            plot.Axes.SetLimitsY(low - (low < 0 ? pad : 0), high + (pad > 0 ? pad : 1));
        }
        plot.Title(metric);
        var svg = plot.GetSvgXml(Width, Height);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    private static string Short(string name) => name.Length > 14 ? name[..13] + "…" : name;
}
