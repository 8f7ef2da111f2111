using System.Globalization;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Ui.Html;

namespace Pipeline.Ui.Pipeline;

/// <summary>
/// The Pipeline page: the run in progress, if any (target by target, reloading itself), then the target graph (drawn,
/// coloured by the last run) and every target of dvc.yaml with what it comes after, its dvc.lock entry and its row of
/// the last finished run.
/// </summary>
internal static class PipelinePage
{
    private static readonly string[] TargetColumns = ["Target", "After", "dvc.lock", "Last run", "Duration", "Reason"];
    private static readonly string[] OtherColumns = ["Target", "Status", "Duration", "Reason"];

    public static string Render(string root)
    {
        var (stages, graphProblem) = PipelineGraph.Read(root);
        var (runs, written, runProblem) = RunRecordFile.Read(root);
        var (live, liveProblem) = LiveRunFile.Read(root);
        LockFile? locks = null;
        string? lockProblem = null;
        try
        {
            locks = LockFile.Load(Path.Combine(root, "dvc.lock"));
        }
        catch (RepositoryStateException e)
        {
            lockProblem = e.Message;
        }

        var byTarget = runs.GroupBy(r => r.Target, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var header = TargetColumns.Select(h => Markup.Of($"{h}"));
        var rows = stages.Select(s => Row(s, locks?.Get(s.Name), byTarget.GetValueOrDefault(s.Name)));
        var others = runs.Where(r => stages.All(s => s.Name != r.Target)).ToList();
        var body = Markup.Of($"""
            {(live is null ? Markup.Empty : LiveRunSection.Render(live))}
            <p class="muted">{RunLine(written, runs.Count)} <a href="/plan" id="plan-link">What would run now, and why</a></p>
            {Problems(liveProblem, graphProblem, lockProblem, runProblem)}
            {(stages.Count > 0 ? Graph(stages, byTarget) : Markup.Empty)}
            {(stages.Count > 0 ? Table.Render("targets", header, rows) : Markup.Empty)}
            {(others.Count > 0 ? Others(others) : Markup.Empty)}
            """);
        return Layout.Page("Pipeline", "/", body, refreshSeconds: live is null ? null : LiveRunSection.RefreshSeconds);
    }

    private static IEnumerable<Markup> Row(StageDefinition stage, StageLock? locked, RunRecordEntry? run) =>
    [
        Markup.Of($"<th scope=\"row\" title=\"{stage.Description ?? ""}\">{stage.Name}</th>"),
        Table.Cell(stage.After.Count > 0 ? string.Join(", ", stage.After) : "—"),
        Table.Cell(locked is null ? "not locked" : $"locked ({locked.Outs.Count} outs)", locked is null ? "status-notrun" : null),
        Table.Cell(run?.Status ?? "not in last run", run is null ? "muted" : $"status-{run.Status.Replace("-", "", StringComparison.Ordinal)}"),
        Table.Cell(run is null ? "" : Duration(run.DurationMs), "num"),
        Table.Cell(run is null ? "" : run.Node is { } node ? $"{run.Reason} (on {node})" : run.Reason),
    ];

    /// <summary>The drawn graph of the targets linked by their outputs; the ones linked to none are named under it.</summary>
    private static Markup Graph(IReadOnlyList<StageDefinition> stages, Dictionary<string, RunRecordEntry> runs)
    {
        var linked = stages.Where(s => s.After.Count > 0 || stages.Any(o => o.After.Contains(s.Name))).ToList();
        var alone = stages.Except(linked).Select(s => s.Name).ToList();
        var aloneText = alone.Count > 0 ? $" Reading no other target's outputs and feeding none: {string.Join(", ", alone)}." : "";
        if (linked.Count == 0) return Markup.Of($"<p class=\"muted\">{aloneText.Trim()}</p>");
        var status = runs.ToDictionary(r => r.Key, r => r.Value.Status, StringComparer.Ordinal);
        return Markup.Of($"""
            <figure class="graph"><img class="chart" id="target-graph" alt="The target graph: {string.Join(", ", linked.Select(s => s.After.Count > 0 ? $"{s.Name} after {string.Join(" and ", s.After)}" : s.Name))}" src="{TargetGraphChart.Render(linked, status)}">
            <figcaption class="muted">Each target below the ones whose outputs it reads (an arrow a longer path implies is left out; the table lists them all); green: executed or restored in the last run, red: failed or not run, grey: skipped, white: not in it.{aloneText}</figcaption></figure>
            """);
    }

    private static Markup Others(IReadOnlyList<RunRecordEntry> others) => Markup.Of($"""
        <h2>Other targets of the last run</h2>
        {Table.Render("other-targets", OtherColumns.Select(h => Markup.Of($"{h}")),
            others.Select(r => (IEnumerable<Markup>)[Table.Cell(r.Target), Table.Cell(r.Status), Table.Cell(Duration(r.DurationMs), "num"), Table.Cell(r.Reason)]))}
        """);

    private static Markup Problems(params string?[] problems) => Markup.Join(problems.OfType<string>().Select(Layout.Missing));

    private static string RunLine(DateTimeOffset? written, int count) => written is { } w
        ? $"Last run recorded {w.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({count} targets)."
        : "";

    private static string Duration(long ms) => Durations.Of(ms);
}
