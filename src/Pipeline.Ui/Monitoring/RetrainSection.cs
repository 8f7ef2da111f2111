using System.Globalization;
using System.Text.Json;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Monitoring;

/// <summary>
/// The Retrain decisions: the last one (reports/retrain.json, which <c>./build.sh Retrain</c> writes each run) in full,
/// and every one over time (reports/retrain-history.jsonl, a line per run) as a table, newest first.
/// </summary>
internal static class RetrainSection
{
    /// <summary>The last decision's table, or a message saying why there is none.</summary>
    public static Markup Last(string root)
    {
        var path = Path.Combine(root, "reports", "retrain.json");
        if (!File.Exists(path)) return Layout.Missing($"No Retrain decision yet ({RetrainRecord.LatestPath}): ./build.sh Retrain writes one each time it runs.");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = RetrainRecord.Parse(json.RootElement);
            (string, Markup)[] rows =
            [
                ("Time", Markup.Of($"{r.TimeText}")),
                ("Decision", Markup.Of($"<strong id=\"retrain-decision\">{r.Decision}</strong>")),
                ("Model", Markup.Of($"{r.Model ?? "-"}")),
                ("Monitoring verdict", Markup.Of($"{r.Verdict}")),
                ("Reasons", Markup.Of($"{string.Join("; ", r.Reasons)}")),
                ("Drifted features", Markup.Of($"{string.Join(", ", r.DriftedFeatures)}")),
                ("Exit code", Markup.Of($"{r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}")),
                ("Production before → after", Markup.Of($"{Versions(r)}")),
                ("Commit", Markup.Of($"{r.Commit ?? "-"}")),
            ];
            return Markup.Of($"<table id=\"retrain\"><tbody>{rows.Select(x => Markup.Of($"<tr><th scope=\"row\">{x.Item1}</th><td>{x.Item2}</td></tr>"))}</tbody></table>");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or FormatException or UnauthorizedAccessException)
        {
            return Layout.Missing($"{RetrainRecord.LatestPath} cannot be read ({e.Message}); the next ./build.sh Retrain writes it again.");
        }
    }

    /// <summary>Every decision of the history, oldest first, and a note on what was skipped or missing (null when all was read).</summary>
    public static (IReadOnlyList<RetrainRecord> Decisions, string? Note) History(string root)
    {
        var path = Path.Combine(root, "reports", "retrain-history.jsonl");
        if (!File.Exists(path)) return ([], $"No {RetrainRecord.HistoryPath} yet: ./build.sh Retrain appends a line per decision.");
        try
        {
            var (decisions, skipped) = JsonLinesFile.Read(path, RetrainRecord.Parse);
            return (decisions, skipped > 0 ? $"{skipped} line(s) of {RetrainRecord.HistoryPath} are not Retrain decisions and were skipped (a run cut short?)." : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], $"{RetrainRecord.HistoryPath} cannot be read: {e.Message}");
        }
    }

    private static readonly string[] Columns = ["When", "Decision", "Reasons", "Model", "Production before → after", "Exit code"];

    /// <summary>The decisions as a table, newest first (the last 50).</summary>
    public static Markup Table(IReadOnlyList<RetrainRecord> decisions) => decisions.Count == 0
        ? Markup.Empty
        : Html.Table.Render("retrain-history", Columns.Select(c => Markup.Of($"{c}")), decisions.Reverse().Take(50).Select(r => (IEnumerable<Markup>)
        [
            Markup.Of($"<th scope=\"row\">{r.TimeText}</th>"),
            Html.Table.Cell(r.Decision, r.Retrain ? "retrain" : null),
            Html.Table.Cell(string.Join("; ", r.Reasons)),
            Html.Table.Cell(r.Model),
            Html.Table.Cell(Versions(r)),
            Html.Table.Cell(r.ExitCode?.ToString(CultureInfo.InvariantCulture), "num"),
        ]));

    private static string Versions(RetrainRecord r) => $"{r.ProductionBefore ?? "none"} → {r.ProductionAfter ?? "none"}";
}
