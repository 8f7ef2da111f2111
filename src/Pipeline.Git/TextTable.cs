using System.Text;

namespace Pipeline.Git;

/// <summary>Renders rows as a plain-text table: a header, a dashed rule, columns padded to their widest cell.</summary>
internal static class TextTable
{
    /// <summary>The table text, one '\n'-terminated line per row; trailing spaces trimmed.</summary>
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => i < r.Count ? r[i].Length : 0)).ToArray();
        var sb = new StringBuilder();
        Line(sb, header, widths);
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in all.Skip(1)) Line(sb, row, widths);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IReadOnlyList<string> row, int[] widths)
    {
        var cells = widths.Select((w, i) => (i < row.Count ? row[i] : "").PadRight(w));
        sb.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
    }
}
