using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Monitoring.Reports;

/// <summary>Small inline SVG charts (no scripts, no external assets); numbers written invariantly so output is byte-stable.</summary>
internal static class SvgChart
{
    private const int Width = 420;
    private const int Height = 160;
    private const int Pad = 24;

    /// <summary>Grouped bars: reference (grey) and current (blue) share per bin.</summary>
    public static string Bars(IReadOnlyList<string> bins, IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        var svg = Open();
        var top = Math.Max(1e-12, reference.Concat(current).DefaultIfEmpty(0).Max());
        var slot = (Width - 2.0 * Pad) / Math.Max(1, bins.Count);
        for (var i = 0; i < bins.Count; i++)
        {
            var x = Pad + i * slot;
            Bar(svg, x + slot * 0.1, slot * 0.4, reference[i] / top, "#999", bins[i], reference[i]);
            Bar(svg, x + slot * 0.5, slot * 0.4, current[i] / top, "#1f77b4", bins[i], current[i]);
        }

        if (bins.Count > 0)
        {
            Label(svg, Pad, Height - 4, bins[0]);
            Label(svg, Width - Pad - 40, Height - 4, bins[^1]);
        }

        return Close(svg);
    }

    /// <summary>Line chart of one or more series over equally spaced points (null values leave gaps).</summary>
    public static string Lines(IReadOnlyList<(string Name, string Colour, IReadOnlyList<double?> Values)> series)
    {
        var svg = Open();
        var values = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToArray();
        double low = values.DefaultIfEmpty(0).Min(), high = values.DefaultIfEmpty(1).Max();
        if (high <= low) high = low + 1;
        foreach (var (name, colour, points) in series)
        {
            var step = (Width - 2.0 * Pad) / Math.Max(1, points.Count - 1);
            var path = new StringBuilder();
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i] is not { } v) continue;
                var y = Height - Pad - (v - low) / (high - low) * (Height - 2.0 * Pad);
                path.Append(path.Length == 0 || points[i - 1] is null ? 'M' : 'L').Append(F(Pad + i * step)).Append(',').Append(F(y)).Append(' ');
            }

            svg.Append("<path fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" d=\"").Append(path.ToString().TrimEnd()).Append("\"><title>")
                .Append(WebUtility.HtmlEncode(name)).Append("</title></path>");
        }

        Label(svg, 2, Pad, F(high));
        Label(svg, 2, Height - Pad, F(low));
        return Close(svg);
    }

    private static void Bar(StringBuilder svg, double x, double width, double fraction, string colour, string bin, double share)
    {
        var h = fraction * (Height - 2.0 * Pad);
        svg.Append("<rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(Height - Pad - h)).Append("\" width=\"").Append(F(width))
            .Append("\" height=\"").Append(F(h)).Append("\" fill=\"").Append(colour).Append("\"><title>")
            .Append(WebUtility.HtmlEncode(bin)).Append(": ").Append(F(share)).Append("</title></rect>");
    }

    private static void Label(StringBuilder svg, double x, double y, string text) =>
        svg.Append("<text x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" font-size=\"10\">").Append(WebUtility.HtmlEncode(text)).Append("</text>");

    private static StringBuilder Open() => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">")
        .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#333\"/>");

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    /// <summary>A number for SVG and tables: invariant, at most 4 decimals.</summary>
    public static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
