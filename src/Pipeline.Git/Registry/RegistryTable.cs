using System.Text;

namespace Pipeline.Git.Registry;

/// <summary>Renders model states like <c>gto show</c> (tabulate's fancy_outline format): columns <c>name</c>, <c>latest</c>, then <c>#stage</c> per stage seen.</summary>
internal static class RegistryTable
{
    /// <summary>The table text, one row per model, '-' where a model has no version; empty registry → a one-line notice.</summary>
    public static string Render(IReadOnlyList<ModelStatus> models)
    {
        if (models.Count == 0) return "No models registered. Register one with `./build.sh Register` (tags <model>@v<semver>).\n";
        var stages = models.SelectMany(m => m.Stages.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = new List<string> { "name", "latest" };
        header.AddRange(stages.Select(s => "#" + s));
        var rows = models.Select(m =>
        {
            var row = new List<string> { m.Name, m.Latest?.Name ?? "-" };
            row.AddRange(stages.Select(s => m.Stages.TryGetValue(s, out var v) ? v.Name : "-"));
            return row;
        }).ToList();
        // NOTE: tabulate (which gto show uses) makes each column at least its header plus 2 wide (MIN_PADDING).
        var widths = header.Select((h, i) => Math.Max(h.Length + 2, rows.Max(r => r[i].Length))).ToList();

        var sb = new StringBuilder();
        AppendRule(sb, widths, '╒', '═', '╤', '╕');
        AppendRow(sb, header, widths);
        AppendRule(sb, widths, '╞', '═', '╪', '╡');
        foreach (var row in rows) AppendRow(sb, row, widths);
        AppendRule(sb, widths, '╘', '═', '╧', '╛');
        return sb.ToString();
    }

    private static void AppendRule(StringBuilder sb, List<int> widths, char left, char fill, char join, char right)
    {
        sb.Append(left);
        sb.AppendJoin(join, widths.Select(w => new string(fill, w + 2)));
        sb.Append(right).Append('\n');
    }

    private static void AppendRow(StringBuilder sb, List<string> cells, List<int> widths)
    {
        sb.Append('│');
        sb.AppendJoin('│', cells.Select((c, i) => " " + c.PadRight(widths[i]) + " "));
        sb.Append('│').Append('\n');
    }
}
