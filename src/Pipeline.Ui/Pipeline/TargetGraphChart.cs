using Pipeline.Ui.Html;
using ScottPlot;

namespace Pipeline.Ui.Pipeline;

/// <summary>
/// The target graph drawn by ScottPlot as SVG (a data URI image: no script): a box per target, top to bottom by the
/// longest chain of targets it comes after, an arrow from each target to each that reads its outputs (left out where a
/// longer path of arrows already leads there); a box's colour is its status in the last run.
/// </summary>
internal static class TargetGraphChart
{
    private const int RowHeight = 56;
    private const int ColumnWidth = 150;

    /// <summary>Box fill and border by last-run status; a target not in the last run is white with a grey border.</summary>
    private static readonly Dictionary<string, (string Fill, string Border)> Colours = new(StringComparer.Ordinal)
    {
        ["executed"] = ("#e6f4ea", "#1e7e34"),
        ["restored"] = ("#e6f4ea", "#1e7e34"),
        ["failed"] = ("#fdecea", "#c62828"),
        ["not-run"] = ("#fdecea", "#c62828"),
        ["skipped"] = ("#f1f3f4", "#80868b"),
    };

    /// <summary>The graph as a data URI; <paramref name="status"/> is each target's status in the last run.</summary>
    public static string Render(IReadOnlyList<StageDefinition> stages, IReadOnlyDictionary<string, string> status)
    {
        var layer = Layers(stages);
        var rows = stages.GroupBy(s => layer[s.Name]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var at = new Dictionary<string, Coordinates>(StringComparer.Ordinal);
        foreach (var (row, depth) in rows.Select((r, i) => (r, i)))
        {
            for (var i = 0; i < row.Count; i++) at[row[i].Name] = new Coordinates(i - ((row.Count - 1) / 2.0), -depth);
        }

        var byName = stages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var plot = new Plot();
        foreach (var stage in stages)
        {
            foreach (var from in stage.After.Where(at.ContainsKey).Where(f => !Implied(f, stage, byName)))
            {
                var arrow = plot.Add.Arrow(new Coordinates(at[from].X, at[from].Y - 0.2), new Coordinates(at[stage.Name].X, at[stage.Name].Y + 0.2));
                arrow.ArrowLineColor = Color.FromHex("#9aa0a6");
                arrow.ArrowFillColor = Color.FromHex("#9aa0a6");
                arrow.ArrowLineWidth = 1;
                arrow.ArrowWidth = 1.5f;
                arrow.ArrowheadWidth = 7;
                arrow.ArrowheadLength = 7;
            }
        }

        foreach (var stage in stages)
        {
            var (fill, border) = Colours.GetValueOrDefault(status.GetValueOrDefault(stage.Name) ?? "", ("#ffffff", "#9aa0a6"));
            var box = plot.Add.Text(stage.Name, at[stage.Name]);
            box.LabelAlignment = Alignment.MiddleCenter;
            box.LabelFontSize = 12;
            box.LabelFontColor = Color.FromHex("#202124");
            box.LabelBackgroundColor = Color.FromHex(fill);
            box.LabelBorderColor = Color.FromHex(border);
            box.LabelPadding = 5;
        }

        var widest = Math.Max(1, rows.Max(r => r.Count));
        plot.Axes.SetLimits(-(widest / 2.0), widest / 2.0, -rows.Count + 0.5, 0.5);
        plot.Axes.Frameless();
        plot.HideGrid();
        return LineChart.SvgUri(plot.GetSvgXml(Math.Max(420, widest * ColumnWidth), rows.Count * RowHeight));
    }

    /// <summary>True when <paramref name="stage"/> comes after <paramref name="from"/> through another target too (the arrow would repeat a longer path).</summary>
    private static bool Implied(string from, StageDefinition stage, Dictionary<string, StageDefinition> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var open = new Stack<string>(stage.After.Where(a => a != from && byName.ContainsKey(a)));
        while (open.TryPop(out var name))
        {
            if (name == from) return true;
            if (!seen.Add(name)) continue;
            foreach (var before in byName[name].After.Where(byName.ContainsKey)) open.Push(before);
        }
        return false;
    }

    /// <summary>Each target's depth: 0 without a target before it, else one more than the deepest before it (a cycle, which dvc.yaml cannot have, counts as 0).</summary>
    private static Dictionary<string, int> Layers(IReadOnlyList<StageDefinition> stages)
    {
        var byName = stages.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int Of(string name)
        {
            if (depth.TryGetValue(name, out var known)) return known;
            if (!visiting.Add(name)) return 0;
            var before = byName[name].After.Where(byName.ContainsKey).Select(Of).DefaultIfEmpty(-1).Max();
            visiting.Remove(name);
            return depth[name] = before + 1;
        }

        foreach (var stage in stages) Of(stage.Name);
        return depth;
    }
}
