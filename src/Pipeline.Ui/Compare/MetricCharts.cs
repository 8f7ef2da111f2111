using System.Globalization;
using Pipeline.Ui.Html;
using ScottPlot;

namespace Pipeline.Ui.Compare;

/// <summary>
/// One bar chart per metric comparing the selected rows (each row in its colour of the page's palette), drawn
/// server-side by ScottPlot as SVG, embedded as a data URI image: no script, nothing fetched.
/// </summary>
internal static class MetricCharts
{
    private const int Width = 420;
    private const int Height = 260;

    /// <summary>A bar chart of <paramref name="metric"/> for each row (a row without the value has no bar), as a data URI.</summary>
    public static string Bars(string metric, IReadOnlyList<(string Name, double? Value)> rows)
    {
        var plot = new Plot();
        var bars = rows.Select((r, i) => r.Value is { } v
            ? new Bar { Position = i, Value = v, FillColor = Color.FromHex(LineChart.Colour(i)), LineWidth = 0, Label = v.ToString("0.####", CultureInfo.InvariantCulture) }
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
        return LineChart.SvgUri(plot.GetSvgXml(Width, Height));
    }

    private static string Short(string name) => name.Length > 14 ? name[..13] + "…" : name;
}
