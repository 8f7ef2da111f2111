using System.Globalization;
using System.Text;

namespace Pipeline.Git.Diffs;

/// <summary>Renders a <see cref="DiffReport"/> as DVC does: tabulate "plain" (columns at least header + 2 wide, two-space gaps, trailing spaces stripped).</summary>
internal static class DiffTable
{
    private const string Missing = "-";

    /// <summary>The table text, or "" when the report has no rows.</summary>
    public static string Render(DiffReport report, int precision)
    {
        if (report.Rows.Count == 0) return "";
        var metrics = report.Kind == DiffKind.Metrics;
        var header = new List<string> { "Path", metrics ? "Metric" : "Param", report.ARev, report.BRev };
        if (metrics) header.Add("Change");
        var rows = report.Rows.Select(r =>
        {
            var cells = new List<string> { r.Path, r.Key, Cell(r.Old, metrics, precision), Cell(r.New, metrics, precision) };
            if (metrics) cells.Add(Cell(r.Change, metrics, precision));
            return cells;
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length + 2, rows.Max(r => r[i].Length))).ToList();

        var sb = new StringBuilder();
        foreach (var line in rows.Prepend(header))
            sb.Append(string.Join("  ", line.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        return sb.ToString();
    }

    /// <summary>A metric value as the table prints it: floats rounded to <paramref name="precision"/> decimals, missing as '-'.</summary>
    internal static string Metric(object? value, int precision = 5) => Cell(value, round: true, precision);

    private static string Cell(object? value, bool round, int precision) => value switch
    {
        null => Missing,
        double d when round => PythonRepr.Float(PythonRound(d, precision)),
        _ => PythonRepr.Str(value),
    };

    /// <summary>Python's <c>round(x, digits)</c>: half-even on the exact binary value.</summary>
    internal static double PythonRound(double x, int digits)
    {
        if (!double.IsFinite(x) || Math.Abs(x) >= 1e15) return x;
        // NOTE: "F" formatting is exact in .NET Core 3.0+, so a tie is a real tie of the binary value, as in Python.
        var text = Math.Abs(x).ToString("F" + (digits + 30).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.');
        var kept = decimal.Parse(text[..(dot + 1 + digits)], CultureInfo.InvariantCulture);
        var rest = text[(dot + 1 + digits)..];
        var unit = 1m / (decimal)Math.Pow(10, digits);
        var lastDigitOdd = (text[digits == 0 ? dot - 1 : dot + digits] - '0') % 2 == 1;
        var roundUp = rest[0] > '5' || (rest[0] == '5' && (rest[1..].Any(c => c != '0') || lastDigitOdd));
        var result = (double)(roundUp ? kept + unit : kept);
        return x < 0 ? -result : result;
    }
}
