using System.Reflection;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Execution;

/// <summary>Runs one planned target: conditions, up-to-date check, restore or run-cache, actions, then commit or rollback.</summary>
internal sealed class TargetRunner(RunServices services, bool force)
{
    private readonly StageReader _reader = new(services);
    private readonly OutputCommitter _committer = new(services);

    public TargetCheck Check(TargetSpec spec)
    {
        var current = _reader.Current(spec);
        var recorded = services.Lock.Get(spec.Name);
        var outputs = _reader.Outputs(spec, recorded);
        return new TargetCheck(current, recorded, outputs, UpToDateRules.Decide(spec, current, recorded, outputs, force)) { Root = services.Layout.Root };
    }

    /// <summary>A run-cache entry for the current (code, inputs, params) whose outputs are all cached, if any.</summary>
    public StageLock? FindInRunCache(TargetSpec spec, TargetCheck check)
    {
        if (!RunCacheApplies(spec, check)) return null;
        var hit = services.RunCache.TryFind(check.Current, services.Console.Warning);
        return hit is not null && hit.Outs.All(o => o.Info is not null && services.Cache.Contains(o.Info.Hash)) ? hit : null;
    }

    private bool RunCacheApplies(TargetSpec spec, TargetCheck check) =>
        !force && !spec.AlwaysRun && !spec.NoRunCache && check.Current.Deps.Count > 0 && check.Current.Outs.Count > 0;

    public async Task<TargetResult> RunAsync(PlannedTarget planned, TargetBehavior behavior, CancellationToken cancellation)
    {
        var spec = planned.Spec;
        var started = services.Clock.GetTimestamp();
        TimeSpan Elapsed() => services.Clock.GetElapsedTime(started);

        if (planned.SkipReason is { } skip) return new(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, skip);
        if (behavior.OnlyWhen.FirstOrDefault(c => !c.Evaluate()) is { } unmet)
            return new(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, $"OnlyWhen: {unmet.Text}");
        if (!spec.HasActions) return new(spec.Name, TargetStatus.Skipped, TimeSpan.Zero, UpToDate.CollectiveReason);

        TargetCheck check;
        try { check = Check(spec); }
        catch (TargetCheckException e) { return Fail(spec, e.Message, Elapsed()); }
        if (services.ObjectSource is { } source && check.Verdict.Kind == VerdictKind.Run && !force)
        {
            try
            {
                if (await new TargetPuller(services, source).PullAsync(spec, check, RunCacheApplies(spec, check), cancellation)) check = Check(spec);
            }
            catch (PipelineException e) { return Fail(spec, e.Message, Elapsed()); }
            catch (TargetCheckException e) { return Fail(spec, e.Message, Elapsed()); }
        }

        switch (check.Verdict.Kind)
        {
            case VerdictKind.Skip:
                return new(spec.Name, TargetStatus.Skipped, Elapsed(), check.Verdict.Reason);
            case VerdictKind.Restore:
                Restore(check.Recorded!, check.Outputs.Where(o => o.Value == OutputState.Restorable).Select(o => o.Key));
                return new(spec.Name, TargetStatus.Restored, Elapsed(), check.Verdict.Reason);
        }
        if (FindInRunCache(spec, check) is { } cached)
        {
            Restore(cached, cached.Outs.Select(o => o.Path));
            _committer.Record(spec, check.Current with { Outs = cached.Outs });
            return new(spec.Name, TargetStatus.Restored, Elapsed(), $"restored from run-cache ({check.Verdict.Reason})");
        }
        return await ExecuteAsync(spec, behavior, check, started, cancellation);
    }

    private async Task<TargetResult> ExecuteAsync(TargetSpec spec, TargetBehavior behavior, TargetCheck check, long started, CancellationToken cancellation)
    {
        services.Console.Line($"> {spec.Name}: running ({check.Verdict.Reason})");
        var hashes = check.Current.Deps.Where(d => d.Info is not null && !d.Path.StartsWith(".nuke/", StringComparison.Ordinal))
            .ToDictionary(d => d.Path, d => d.Info!.Hash.Value);
        var context = new TargetContext(spec, services, services.Inputs.ResolveAll(spec), hashes, cancellation);
        OutputCommitter.DeleteDirectory(context.StagingRoot);
        try
        {
            foreach (var action in behavior.Actions)
            {
                cancellation.ThrowIfCancellationRequested();
                await action(context);
            }
            // NOTE: a target with outputs that was cancelled may have stopped early, so it is never committed; one
            // without outputs that returned normally (a server that drained and stopped on Ctrl-C) has done its work.
            if (spec.AllOutputs.Any()) cancellation.ThrowIfCancellationRequested();
            _committer.Commit(spec, check.Current, context.StagingRoot);
            return new(spec.Name, TargetStatus.Executed, services.Clock.GetElapsedTime(started), check.Verdict.Reason) { Notes = context.Notes };
        }
        catch (Exception e)
        {
            new OutputRollback(services).Undo(spec, check.Recorded, check.ExistingOutputs, context.StagingRoot);
            var message = cancellation.IsCancellationRequested ? "cancelled" : Unwrap(e).Message;
            if (!cancellation.IsCancellationRequested) ReportFailure(spec, Unwrap(e));
            return new TargetResult(spec.Name, TargetStatus.Failed, services.Clock.GetElapsedTime(started), FirstLine(message)) { Notes = context.Notes };
        }
    }

    private void Restore(StageLock entry, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var info = entry.Outs.First(o => o.Path == path).Info!;
            services.Cache.Checkout(info.Hash, Path.Combine(services.Layout.Root, path));
        }
    }

    // NOTE: a PipelineException is a failure the target diagnosed (a refused remote, a bad setting): its message names
    // the problem and the fix, so the stack trace is only shown with --verbosity verbose.
    private void ReportFailure(TargetSpec spec, Exception cause)
    {
        var log = services.Console.For(spec.Name);
        if (cause is not PipelineException)
        {
            log.Error(cause.ToString());
            return;
        }
        log.Error(cause.Message);
        log.Debug(cause.ToString());
    }

    private TargetResult Fail(TargetSpec spec, string message, TimeSpan elapsed)
    {
        services.Console.For(spec.Name).Error(message);
        return new(spec.Name, TargetStatus.Failed, elapsed, FirstLine(message));
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        _ => e,
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
