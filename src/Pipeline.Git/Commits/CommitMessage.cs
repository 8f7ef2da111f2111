using System.Text;
using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Git.Diffs;

namespace Pipeline.Git.Commits;

/// <summary>
/// The message of a pipeline commit. First line: the executed targets and what changed (<c>Train, Evaluate: auc 0.912 → 0.917</c>);
/// body: every executed or restored target with its reason, every metric change and the committed files.
/// </summary>
internal static class CommitMessage
{
    /// <summary>Builds the message (ending with a newline).</summary>
    public static string Build(IReadOnlyList<TargetRunResult> outcomes, IReadOnlyList<DiffRow> metricChanges, IReadOnlyList<string> files, int metricsInSubject)
    {
        var sb = new StringBuilder();
        sb.Append(Subject(outcomes, metricChanges, files, metricsInSubject)).Append('\n');

        var ran = outcomes.Where(o => o.Status is TargetStatus.Executed or TargetStatus.Restored).ToList();
        if (ran.Count > 0)
        {
            sb.Append("\nTargets:\n");
            foreach (var o in ran)
                sb.Append("- ").Append(o.Name).Append(": ").Append(TargetStatusText.Of(o.Status)).Append(o.Reason.Length > 0 ? $" ({o.Reason})" : "").Append('\n');
        }
        if (metricChanges.Count > 0)
        {
            sb.Append("\nMetrics:\n");
            foreach (var row in metricChanges) sb.Append("- ").Append(row.Path).Append(' ').Append(Change(row)).Append('\n');
        }
        sb.Append("\nFiles:\n");
        foreach (var file in files) sb.Append("- ").Append(file).Append('\n');
        return sb.ToString();
    }

    private static string Subject(IReadOnlyList<TargetRunResult> outcomes, IReadOnlyList<DiffRow> metricChanges, IReadOnlyList<string> files, int limit)
    {
        var executed = outcomes.Where(o => o.Status == TargetStatus.Executed).Select(o => o.Name).ToList();
        var who = executed.Count > 0 ? string.Join(", ", executed) : "Pipeline";
        if (metricChanges.Count == 0)
            return $"{who}: update {string.Join(", ", files.Take(3))}{More(files.Count, 3)}";
        // NOTE: numeric changes say most about a run, so they come first; the rest keep file/key order.
        var shown = metricChanges.OrderBy(r => r.Change is null ? 1 : 0).Take(limit).Select(Change);
        return $"{who}: {string.Join(", ", shown)}{More(metricChanges.Count, limit)}";
    }

    private static string Change(DiffRow row) => $"{row.Key} {DiffTable.Metric(row.Old)} → {DiffTable.Metric(row.New)}";

    private static string More(int count, int shown) => count > shown ? $" (+{count - shown} more)" : "";
}
