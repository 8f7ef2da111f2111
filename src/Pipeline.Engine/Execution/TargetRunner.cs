using System.Reflection;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Failures;
using Pipeline.Engine.IO;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Execution;

/// <summary>Runs one planned target: conditions, up-to-date check, restore or run-cache, actions, then commit or rollback.</summary>
internal sealed partial class TargetRunner(RunServices services, bool force)
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
        catch (TargetCheckException e) { return Fail(spec, e.Message, Elapsed(), FailureKind.Outputs); }
        if (services.ObjectSource is { } source && check.Verdict.Kind == VerdictKind.Run && !force)
        {
            try
            {
                if (await new TargetPuller(services, source).PullAsync(spec, check, RunCacheApplies(spec, check), cancellation)) check = Check(spec);
            }
            catch (PipelineException e) { return Fail(spec, e.Message, Elapsed(), FailureKinds.Of(e)); }
            catch (TargetCheckException e) { return Fail(spec, e.Message, Elapsed(), FailureKind.Outputs); }
        }

        switch (check.Verdict.Kind)
        {
            case VerdictKind.Skip:
                return new(spec.Name, TargetStatus.Skipped, Elapsed(), check.Verdict.Reason);
            case VerdictKind.Restore:
                var missing = check.Outputs.Where(o => o.Value == OutputState.Restorable).Select(o => o.Key).ToList();
                return Restore(spec, check.Recorded!, missing, Elapsed, record: null)
                    ?? new(spec.Name, TargetStatus.Restored, Elapsed(), check.Verdict.Reason);
        }
        if (FindInRunCache(spec, check) is { } cached)
        {
            // NOTE: the declared outputs are restored (the entry's paths equal them), never paths read from the entry.
            var declared = check.Current.Outs.Select(o => o.Path).ToList();
            return Restore(spec, cached, declared, Elapsed, () => _committer.Record(spec, check.Current with { Outs = cached.Outs }))
                ?? new(spec.Name, TargetStatus.Restored, Elapsed(), $"restored from run-cache ({check.Verdict.Reason})");
        }
        return await ExecuteAsync(spec, behavior, check, started, cancellation);
    }

    private async Task<TargetResult> ExecuteAsync(TargetSpec spec, TargetBehavior behavior, TargetCheck check, long started, CancellationToken cancellation)
    {
        services.Console.Line($"> {spec.Name}: running ({check.Verdict.Reason})");
        services.Progress.Started(spec.Name, check.Verdict.Reason);
        var hashes = check.Current.Deps.Where(d => d.Info is not null && !d.Path.StartsWith(".nuke/", StringComparison.Ordinal))
            .ToDictionary(d => d.Path, d => d.Info!.Hash.Value);
        var context = new TargetContext(spec, services, services.Inputs.ResolveAll(spec), hashes, cancellation);
        OutputCommitter.DeleteDirectory(context.StagingRoot);
        TargetResult Failed(string line, FailureKind kind) => new(spec.Name, TargetStatus.Failed, services.Clock.GetElapsedTime(started), FirstLine(line)) { Notes = context.Notes, Failure = kind };
        TargetResult Crashed(Exception e)
        {
            new OutputRollback(services).Undo(spec, check.Recorded, check.ExistingOutputs, context.StagingRoot);
            if (!cancellation.IsCancellationRequested) Report(spec, Unwrap(e));
            return (cancellation.IsCancellationRequested ? Failed("cancelled", FailureKind.Cancelled) : Failed(Unwrap(e).Message, FailureKinds.Of(Unwrap(e)))) with
            {
                Placement = (Unwrap(e) as TargetJobException)?.Placement ?? Placement.InProcess,
            };
        }
        async Task RunInProcessAsync()
        {
            foreach (var action in behavior.Actions)
            {
                cancellation.ThrowIfCancellationRequested();
                await action(context);
            }
        }
        var job = new TargetJob(spec.Name, services.Layout.Root, context.StagingRoot, context.Outputs,
            RunCache.KeyOf(check.Current).Key, context.Log, RunInProcessAsync);
        var placement = Placement.InProcess;
        var actions = Task.Run(async () => { placement = await services.Executor.ExecuteAsync(job, cancellation); }, CancellationToken.None);
        // NOTE: a target without outputs (a server draining on Ctrl-C) has nothing to roll back and its own shutdown to
        // finish, so it is waited for; one with outputs that ignores the token is abandoned after the grace period.
        if (spec.AllOutputs.Any() && !await StopsInTimeAsync(actions, cancellation))
        {
            new OutputRollback(services).Undo(spec, check.Recorded, check.ExistingOutputs, context.StagingRoot);
            var line = $"cancelled; abandoned after {services.CancelGrace.TotalSeconds:0.#} s (it did not stop), nothing saved";
            services.Console.For(spec.Name).Warning(line);
            return Failed(line, FailureKind.Cancelled);
        }
        try
        {
            await actions;
            // NOTE: a target with outputs that was cancelled may have stopped early, so it is never committed; one
            // without outputs that returned normally (a server that drained and stopped on Ctrl-C) has done its work.
            if (spec.AllOutputs.Any()) cancellation.ThrowIfCancellationRequested();
        }
        catch (Exception e)
        {
            return Crashed(e);
        }
        try
        {
            _committer.Commit(spec, check.Current, context.StagingRoot);
            return new(spec.Name, TargetStatus.Executed, services.Clock.GetElapsedTime(started), check.Verdict.Reason) { Notes = context.Notes, Placement = placement };
        }
        catch (Exception e) when (e is TargetCheckException || IoFailure.IsEnvironmental(e))
        {
            // NOTE: the target's own work succeeded; saving it failed (a missing output, a full disk, a read-only
            // workspace), which one line explains better than a stack trace.
            new OutputRollback(services).Undo(spec, check.Recorded, check.ExistingOutputs, context.StagingRoot);
            var line = e is TargetCheckException ? e.Message : $"could not save its outputs: {IoFailure.Explain(e)}";
            services.Console.For(spec.Name).Error(line);
            return Failed(line, FailureKind.Outputs);
        }
        catch (Exception e)
        {
            return Crashed(e);
        }
    }

    /// <summary>
    /// Waits for <paramref name="work"/>; false when the run was cancelled and the work went on for longer than
    /// <see cref="RunServices.CancelGrace"/> after that (it is then left running, unobserved, until the process exits).
    /// </summary>
    private async Task<bool> StopsInTimeAsync(Task work, CancellationToken cancellation)
    {
        var abandon = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var grace = new CancellationTokenSource();
        using var registration = cancellation.Register(() =>
            Task.Delay(services.CancelGrace, services.Clock, grace.Token).ContinueWith(t => { if (!t.IsCanceled) abandon.TrySetResult(); }, TaskScheduler.Default));
        var finished = await Task.WhenAny(work, abandon.Task) == work;
        await grace.CancelAsync();
        return finished;
    }

    /// <summary>
    /// Logs a target's failure: the engine's own exception types and data errors (<see cref="InputErrors"/>) carry a
    /// message written for people (what, where, the fix), so only that is shown, the stack trace only with --verbose;
    /// anything else is a bug worth its trace.
    /// </summary>
    private void Report(TargetSpec spec, Exception e)
    {
        var log = services.Console.For(spec.Name);
        if (!InputErrors.Is(e))
        {
            log.Error(e.ToString());
            return;
        }
        log.Error(e.Message);
        log.Debug(e.ToString());
    }

    private TargetResult Fail(TargetSpec spec, string message, TimeSpan elapsed, FailureKind kind)
    {
        services.Console.For(spec.Name).Error(message);
        return new(spec.Name, TargetStatus.Failed, elapsed, FirstLine(message)) { Failure = kind };
    }

    private static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        _ => e,
    };

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
