using System.Globalization;
using Pipeline.Engine.Execution;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Pipeline;

/// <summary>
/// The Pipeline page's view of a run in progress (<see cref="LiveRunState"/>): every planned target with its status,
/// time so far and progress, and the steps a target reported (Train's finished trials, newest first) with the best so far.
/// </summary>
internal static class LiveRunSection
{
    /// <summary>How often the page reloads itself while a run is in progress.</summary>
    public const int RefreshSeconds = 2;

    private static readonly string[] Columns = ["Target", "Status", "Elapsed", "Progress", "Best so far", "Remaining"];

    public static Markup Render(LiveRunState run)
    {
        var rows = run.Targets.Select(t => (IEnumerable<Markup>)
        [
            Markup.Of($"<th scope=\"row\">{t.Target}</th>"),
            Table.Cell(t.Status, $"status-{t.Status.Replace("-", "", StringComparison.Ordinal)}"),
            Table.Cell(t.Status == LiveRun.Pending ? "" : Durations.Of(t.ElapsedMs), "num"),
            Table.Cell(Progress(t.Progress)),
            Table.Cell(t.Progress?.Best ?? ""),
            Table.Cell(t.Progress?.RemainingMs is { } left ? "~" + Durations.Of(left) : "", "num"),
        ]);
        var steps = run.Targets.Where(t => t.Steps.Count > 0).Select(t => Markup.Of($"""
            <h3>{t.Target}: {t.Steps.Count} finished, newest first{(t.Progress?.Best is { } best ? $" (best so far: {best})" : "")}</h3>
            <ol id="steps-{t.Target}" reversed>{t.Steps.AsEnumerable().Reverse().Select(s => Markup.Of($"<li>{s}</li>"))}</ol>
            """));
        return Markup.Of($"""
            <section id="live">
            <h2>Run in progress</h2>
            <p class="muted">Started {Time(run.Started)} UTC by process {run.ProcessId}; last update {Time(run.Updated)} UTC. This page reloads every {RefreshSeconds} s.</p>
            {Table.Render("live-targets", Columns.Select(c => Markup.Of($"{c}")), rows)}
            {steps}
            </section>
            """);
    }

    private static Markup Progress(LiveProgress? p)
    {
        if (p is null) return Markup.Empty;
        var fraction = p.Fraction ?? (p.Total is > 0 and { } total ? (double)p.Done / total : null);
        var text = p.Total is { } all ? $"{p.Done}/{all} {p.Unit}" : $"{p.Done} {p.Unit}";
        return fraction is { } f
            ? Markup.Of($"<progress max=\"1\" value=\"{f.ToString("0.###", CultureInfo.InvariantCulture)}\"></progress> {text} ({f.ToString("0%", CultureInfo.InvariantCulture)})")
            : Markup.Of($"{text}");
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
