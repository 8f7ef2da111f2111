using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Reports;

/// <summary>Renders reports/evaluation.html: one self-contained page (inline CSS, plots as base64 PNG data URIs).</summary>
internal static class HtmlReport
{
    /// <summary>The page text.</summary>
    public static string Render(EvaluationResult result, IEnumerable<KeyValuePair<string, byte[]>> plots)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Model evaluation</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}th{background:#f0f0f0}td:first-child,th:first-child{text-align:left}")
            .Append("img{max-width:640px;margin:0.5em}</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Model evaluation ({result.Task.ToString().ToLowerInvariant()})</h1>\n");
        Table(html, "Metrics", ["metric", "value"], result.Metrics.Select(m => new[] { m.Key, RoundedNumber.Text(m.Value) }));
        if (result.Threshold is { } threshold)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Decision threshold (max F1 on validation): {RoundedNumber.Text(threshold)}</p>\n");
        }

        if (result.Comparison is { } c)
        {
            Table(html, $"Comparison with production{(c.Production is null ? "" : " " + c.Production)}", ["metric", "candidate", "production"],
                c.ProductionMetrics.Select(m => new[] { m.Key, RoundedNumber.Text(result[m.Key]), RoundedNumber.Text(m.Value) }));
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(c.Metric)} difference {RoundedNumber.Text(c.Interval.Difference)}, {c.Interval.Confidence:P0} CI [{RoundedNumber.Text(c.Interval.Low)}, {RoundedNumber.Text(c.Interval.High)}] over {c.Interval.Resamples} paired bootstrap resamples: {(c.Interval.Significant ? "significant" : "not significant")}.</p>\n");
        }

        if (result.SliceColumn is { } column && result.Slices.Count > 0)
        {
            var names = result.Slices[0].Metrics.Select(m => m.Key).ToList();
            Table(html, $"Slices by {column}", [column, "rows", .. names],
                result.Slices.Select(s => new[] { s.Value, s.Rows.ToString(CultureInfo.InvariantCulture) }.Concat(s.Metrics.Select(m => RoundedNumber.Text(m.Value))).ToArray()));
        }

        Table(html, $"Permutation importance (drop in {result.MainMetric})", ["column", "drop"], result.Importance.Select(i => new[] { i.Column, RoundedNumber.Text(i.Drop) }));
        html.Append("<h2>Plots</h2>\n");
        foreach (var (name, png) in plots)
        {
            html.Append(CultureInfo.InvariantCulture, $"<img alt=\"{Encode(name)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Table(StringBuilder html, string title, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(title)}</h2>\n<table>\n<tr>");
        foreach (var h in header)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Encode(h)}</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(cell => $"<td>{Encode(cell)}</td>")).Append("</tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
