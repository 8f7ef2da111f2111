using Pipeline.Engine.Definition;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Runs a plan with up to <c>jobs</c> targets at once: each target starts when everything it waits for has finished.
/// The first failure (without ProceedAfterFailure) or a cancellation stops new targets from starting; targets already
/// running finish or are cancelled, and one with outputs that has not stopped <see cref="RunServices.CancelGrace"/>
/// after a cancellation is abandoned, rolled back and reported (see <see cref="TargetRunner"/>). Results come back in
/// plan order, so the summary is deterministic.
/// </summary>
internal sealed class Executor(RunServices services, BuildModel model, int jobs, bool force) : IDisposable
{
    private readonly TargetRunner _runner = new(services, force);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, jobs));
    private volatile string? _stopReason;

    public async Task<IReadOnlyList<TargetResult>> RunAsync(Plan plan, CancellationToken cancellation)
    {
        services.Progress.Begin(plan.Targets.Select(t => t.Name));
        var tasks = new Dictionary<string, Task<TargetResult>>();
        foreach (var target in plan.Targets)
        {
            var waits = target.WaitsFor.Select(n => tasks[n]).ToArray();
            tasks[target.Name] = RunWhenReadyAsync(target, waits, cancellation);
        }
        await Task.WhenAll(tasks.Values);
        return plan.Targets.Select(t => tasks[t.Name].Result).ToList();
    }

    public void Dispose() => _slots.Dispose();

    private async Task<TargetResult> RunWhenReadyAsync(PlannedTarget target, Task<TargetResult>[] waits, CancellationToken cancellation)
    {
        var result = await RunOneAsync(target, waits, cancellation);
        services.Progress.Finished(result);
        return result;
    }

    private async Task<TargetResult> RunOneAsync(PlannedTarget target, Task<TargetResult>[] waits, CancellationToken cancellation)
    {
        await Task.WhenAll(waits);
        if (NotRun(target, cancellation) is { } early) return early;
        try { await _slots.WaitAsync(cancellation); }
        catch (OperationCanceledException) { return NotRun(target, cancellation)!; }
        try
        {
            if (NotRun(target, cancellation) is { } late) return late;
            var result = await Task.Run(() => _runner.RunAsync(target, model.Behaviors[target.Name], cancellation), CancellationToken.None);
            if (result.Status == TargetStatus.Failed && !target.Spec.ProceedAfterFailure)
                _stopReason ??= cancellation.IsCancellationRequested ? "cancelled" : $"{target.Name} failed";
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    private TargetResult? NotRun(PlannedTarget target, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested) _stopReason ??= "cancelled";
        return _stopReason is { } reason ? new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, reason) : null;
    }
}
