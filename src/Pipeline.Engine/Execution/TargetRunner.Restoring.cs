using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.IO;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Execution;

/// <summary>Restoring: outputs from the cache as dvc.lock or a run-cache entry recorded them, all or nothing.</summary>
internal sealed partial class TargetRunner
{
    /// <summary>
    /// A run-cache entry for the current (code, inputs, params) that records exactly the target's declared outputs,
    /// each with an intact cached object, if any. An entry naming other paths is a miss.
    /// </summary>
    public StageLock? FindInRunCache(TargetSpec spec, TargetCheck check)
    {
        if (!RunCacheApplies(spec, check)) return null;
        var hit = services.RunCache.TryFind(check.Current, services.Console.Warning);
        if (hit is null) return null;
        var declared = check.Current.Outs.Select(o => o.Path).Order(StringComparer.Ordinal);
        if (!declared.SequenceEqual(hit.Outs.Select(o => o.Path).Order(StringComparer.Ordinal))) return null;
        return hit.Outs.All(o => o.Info is not null && services.Cache.IsIntact(o.Info)) ? hit : null;
    }

    private bool RunCacheApplies(TargetSpec spec, TargetCheck check) =>
        !force && !spec.AlwaysRun && !spec.NoRunCache && check.Current.Deps.Count > 0 && check.Current.Outs.Count > 0;

    /// <summary>
    /// Checks the declared <paramref name="paths"/> out as <paramref name="entry"/> recorded them, all or nothing, then
    /// runs <paramref name="record"/>. Returns null on success; a full disk, a read-only workspace or an unusable
    /// object gives a failed result with one line saying what (a failed checkout leaves the outputs as they were).
    /// </summary>
    private TargetResult? Restore(TargetSpec spec, StageLock entry, IReadOnlyList<string> paths, Func<TimeSpan> elapsed, Action? record)
    {
        var outputs = string.Join(", ", paths);
        try
        {
            var items = paths.Select(path => CheckoutItem.Of(entry.Outs.First(o => o.Path == path).Info!,
                _committer.ResolveOutput(spec, RepoPath.Parse(path)))).ToList();
            services.Cache.CheckoutAll(items);
        }
        catch (Exception e) when (IsRestoreProblem(e))
        {
            return RestoreFailed(spec, e, $"could not restore {outputs} from the cache", ". Free space or fix permissions there and re-run; the outputs and dvc.lock are as they were.", elapsed);
        }
        try
        {
            record?.Invoke();
            return null;
        }
        catch (Exception e) when (IsRestoreProblem(e))
        {
            return RestoreFailed(spec, e, $"restored {outputs} but could not record it in dvc.lock", ". Free space or fix permissions there and re-run; dvc.lock is as it was, so the next run checks this target again.", elapsed);
        }
    }

    private static bool IsRestoreProblem(Exception e) => IoFailure.IsEnvironmental(e) || e is PipelineException or TargetCheckException;

    private TargetResult RestoreFailed(TargetSpec spec, Exception e, string what, string advice, Func<TimeSpan> elapsed)
    {
        var environmental = IoFailure.IsEnvironmental(e);
        var line = $"{what}: {FirstLine(environmental ? IoFailure.Explain(e) : e.Message)}";
        services.Console.For(spec.Name).Error(environmental ? line + advice : line);
        return new TargetResult(spec.Name, TargetStatus.Failed, elapsed(), line) { Failure = FailureKind.Outputs };
    }
}
