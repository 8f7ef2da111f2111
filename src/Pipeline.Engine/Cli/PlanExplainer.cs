using System.Text;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Cli;

/// <summary>
/// <c>--plan</c>: the plan in order, and for each target whether it would run, skip or restore, and why. Runs nothing.
/// With an executor other than this process (e.g. <c>--executor slurm</c>) a target that would run is shown as
/// submitted to it; restores and skips stay with the driver either way.
/// </summary>
internal static class PlanExplainer
{
    public static string Render(Plan plan, BuildModel model, TargetRunner runner, ITargetExecutor? executor = null)
    {
        var elsewhere = executor is not null && executor is not LocalExecutor ? executor.Name : null;
        var willRun = new HashSet<string>();
        var sb = new StringBuilder($"Plan ({plan.Targets.Count} targets):\n");
        foreach (var target in plan.Targets)
        {
            var (verdict, reason) = Explain(target, model.Behaviors[target.Name], runner, willRun);
            if (verdict is "run" or "may run") willRun.Add(target.Name);
            var waits = target.WaitsFor.Count > 0 ? $" [after {string.Join(", ", target.WaitsFor)}]" : "";
            if (elsewhere is not null && verdict is "run" or "may run") (verdict, reason) = (verdict.Replace("run", "submit", StringComparison.Ordinal), $"{reason} (as a {elsewhere} job)");
            sb.AppendLine($"  {target.Name,-20} {verdict,-10} {reason}{waits}");
        }
        return sb.ToString();
    }

    private static (string Verdict, string Reason) Explain(PlannedTarget target, TargetBehavior behavior, TargetRunner runner, HashSet<string> willRun)
    {
        if (target.SkipReason is { } skip) return ("skip", skip);
        if (!target.Spec.HasActions) return ("skip", UpToDate.CollectiveReason);
        var upstream = target.WaitsFor.Where(willRun.Contains).ToList();
        try
        {
            var check = runner.Check(target.Spec);
            switch (check.Verdict.Kind)
            {
                case VerdictKind.Run:
                    return runner.FindInRunCache(target.Spec, check) is not null
                        ? ("restore", $"from run-cache ({check.Verdict.Reason})")
                        : ("run", check.Verdict.Reason);
                case VerdictKind.Restore:
                    return ("restore", check.Verdict.Reason);
            }
            return upstream.Count > 0 ? ("may run", $"if {string.Join(", ", upstream)} change its inputs") : ("skip", check.Verdict.Reason);
        }
        catch (TargetCheckException e)
        {
            return upstream.Count > 0 ? ("may run", $"after {string.Join(", ", upstream)}: {e.Message}") : ("fail", e.Message);
        }
    }
}
