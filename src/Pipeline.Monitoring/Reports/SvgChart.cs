using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Pipeline.Monitoring.Reports;

/// <summary>
/// The report's inline SVG charts, drawn with ScottPlot (the library Ml's evaluation plots use): no scripts, no
/// external assets, and the same inputs give the same bytes.
/// </summary>
internal static partial class SvgChart
{
    private const int Width = 480;
    private const int Height = 240;

    /// <summary>Grouped bars: reference (grey) and current (blue) share per bin.</summary>
    public static string Bars(IReadOnlyList<string> bins, IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        var plot = new Plot();
        var bars = new List<Bar>(bins.Count * 2);
        for (var i = 0; i < bins.Count; i++)
        {
            bars.Add(new Bar { Position = i - 0.2, Value = reference[i], Size = 0.4, FillColor = Color.FromHex("#999999"), LineWidth = 0 });
            bars.Add(new Bar { Position = i + 0.2, Value = current[i], Size = 0.4, FillColor = Color.FromHex("#1f77b4"), LineWidth = 0 });
        }

        plot.Add.Bars(bars);
        if (bins.Count > 0)
        {
            double[] ticks = bins.Count == 1 ? [0] : [0, bins.Count - 1];
            string[] labels = bins.Count == 1 ? [bins[0]] : [bins[0], bins[^1]];
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks, labels);
        }

        return Svg(plot);
    }

    /// <summary>Line chart of one or more series over equally spaced points (null values leave gaps).</summary>
    public static string Lines(IReadOnlyList<(string Name, string Colour, IReadOnlyList<double?> Values)> series)
    {
        var plot = new Plot();
        foreach (var (name, colour, points) in series)
        {
            var first = true;
            foreach (var (start, values) in Segments(points))
            {
                var line = plot.Add.Scatter(Enumerable.Range(start, values.Length).Select(i => (double)i).ToArray(), values, Color.FromHex(colour));
                line.LineWidth = 2;
                line.MarkerSize = values.Length == 1 ? 5 : 0;
                if (first)
                {
                    line.LegendText = name;
                    first = false;
                }
            }
        }

        plot.ShowLegend(Alignment.UpperRight);
        return Svg(plot);
    }

    /// <summary>The runs of non-null values, each with the index of its first point.</summary>
    private static IEnumerable<(int Start, double[] Values)> Segments(IReadOnlyList<double?> points)
    {
        var run = new List<double>();
        for (var i = 0; i <= points.Count; i++)
        {
            if (i < points.Count && points[i] is { } v)
            {
                run.Add(v);
                continue;
            }

            if (run.Count > 0)
            {
                yield return (i - run.Count, run.ToArray());
                run.Clear();
            }
        }
    }

    private static string Svg(Plot plot)
    {
        var svg = plot.GetSvgXml(Width, Height);
        // NOTE: the page embeds the element itself; an XML declaration is not valid inside HTML.
        svg = svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
        // NOTE: Skia numbers clip paths with a process-wide counter (cl_4, then cl_a for the same chart drawn again),
        // so they are renumbered in order of appearance to keep output byte-stable, and prefixed with a hash of the
        // chart so that two different charts on one page never share an id.
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        svg = ClipId().Replace(svg, m =>
        {
            if (!numbers.TryGetValue(m.Value, out var id))
            {
                numbers[m.Value] = id = "c" + numbers.Count.ToString(CultureInfo.InvariantCulture);
            }

            return "@@" + id;
        });
        var prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg)))[..8];
        return svg.Replace("@@", "chart" + prefix + "_", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    /// <summary>A number for tables: invariant, at most 4 decimals.</summary>
    public static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
