using System.Globalization;
using System.Runtime.InteropServices;
using Pipeline.Engine.Caching;
using Pipeline.Engine.CodeHashing;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.IO;
using Pipeline.Engine.Params;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Cli;

/// <summary>
/// One invocation against a repository: opens its state, then explains, tracks or executes. <paramref name="interactive"/>:
/// the output is a terminal, so progress is one updating line rather than plain lines.
/// </summary>
internal sealed class RunSession(RepositoryLayout layout, CommandLine line, TextWriter stdout, TimeProvider clock, PipelineBuild build, bool interactive = false)
{
    private readonly Type buildType = build.GetType();

    private int Jobs => line.Single("jobs") is { } j
        ? int.TryParse(j, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new UsageException($"--jobs takes a positive whole number, got '{j}'.")
        : Environment.ProcessorCount;

    // NOTE: read once per invocation: the no-op key and the code fingerprints both need the own assemblies' ids.
    private OwnAssemblies Own => field ??= OwnAssemblies.Of(buildType.Assembly);

    private bool Verbose => line.Single("verbosity") is "verbose" or "detailed";

    public int Track(IReadOnlyList<string> paths)
    {
        using var _ = AcquireLock();
        var console = new RunConsole(stdout, prefixTargets: false);
        return TrackCommand.Run(layout, new PathHasher(StateCache.Load(layout.StateFile), Jobs), paths, console);
    }

    public int Explain(Plan plan, BuildModel model, ITargetExecutor? executor)
    {
        var services = OpenServices(plan, model, new RunConsole(stdout, prefixTargets: false, Verbose), ParamsSets.ApplyInMemory(layout.ParamsFile, line, () => build.ParsedParams));
        stdout.Write(PlanExplainer.Render(plan, model, new TargetRunner(services, line.Has("force")), executor));
        services.Hasher.State.Save();
        return 0;
    }

    public int Execute(Plan plan, BuildModel model, IObjectSource? objects, ITargetExecutor? executor, out IReadOnlyList<TargetResult> results)
    {
        // NOTE: a plan of only lock-free targets (a server, a report) lets other runs work meanwhile; it then writes
        // none of the repository's pipeline files.
        var locked = plan.Targets.Any(t => t.Spec.HasActions && !t.Spec.Unlocked);
        using var repositoryLock = locked ? AcquireLock() : null;
        // NOTE: lines are prefixed with the target name only when targets can actually interleave.
        var console = new RunConsole(stdout, prefixTargets: Jobs > 1 && plan.Targets.Count(t => t.Spec.HasActions) > 1, Verbose);
        var shortcut = new NoOpShortcut(layout);
        var key = locked && NoOpShortcut.Applies(plan, model) && !line.Has("set") && !line.Has("force")
            ? NoOpShortcut.KeyOf(line.Raw, Own.Key(), plan.Targets.Select(t => t.Name))
            : null;
        if (key is not null && shortcut.IsValid(key))
        {
            results = plan.Targets.Select(t => new TargetResult(t.Name, TargetStatus.Skipped, TimeSpan.Zero,
                t.Spec.HasActions ? UpToDate.Reason : UpToDate.CollectiveReason)).ToList();
            return Report(results, console, locked);
        }
        if (locked)
        {
            shortcut.Invalidate();
            DvcRepository.EnsureInitialized(layout.Root);
        }
        var services = OpenServices(plan, model, console, build.CurrentParams()) with
        {
            ObjectSource = objects,
            Executor = executor ?? LocalExecutor.Instance,
            // NOTE: only a run holding the lock is "the" pipeline run the web UI follows live; a server or report is not.
            Progress = new RunProgress(console, clock, locked ? layout.LiveRunFile : null, interactive),
        };
        services.Lock.StageOrder = model.Specs.Where(s => s.HasActions).Select(s => s.Name).ToList();
        if (locked)
        {
            PipelineFileWriter.Write(layout, model.Specs, services.Inputs);
            PipelineFileWriter.WriteWorkflows(layout, buildType, model.Specs);
        }

        using var cancellation = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; cancellation.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cancellation.Cancel(); });
        try
        {
            using var run = new Executor(services, model, Jobs, line.Has("force"));
            results = run.RunAsync(plan, cancellation.Token).GetAwaiter().GetResult();
        }
        finally
        {
            SaveState(services);
        }
        int exitCode;
        try
        {
            exitCode = Report(results, console, locked);
        }
        finally
        {
            services.Progress.End();
        }
        if (exitCode == 0 && key is not null) shortcut.Record(key, plan, services.Inputs);
        return exitCode;
    }

    /// <summary>
    /// Prints the summary and, for a run that held the repository lock, records it in run.json: a lock-free run
    /// (<c>Ui</c>, <c>Serve</c>, a report) never replaces the last pipeline run's record.
    /// </summary>
    private int Report(IReadOnlyList<TargetResult> results, RunConsole console, bool locked)
    {
        var failed = results.Any(r => r.Status is TargetStatus.Failed or TargetStatus.NotRun);
        if (console.Replay.Count > 0) console.Line("\nErrors & Warnings:\n" + string.Join('\n', console.Replay));
        console.Line("\n" + SummaryTable.Render(results));
        try
        {
            if (locked) RunRecord.Write(layout.RunRecordFile, results);
        }
        catch (Exception e) when (IoFailure.IsEnvironmental(e))
        {
            console.Line($"WRN: could not write {layout.RunRecordFile}: {IoFailure.Explain(e)}");
        }
        console.Line($"\nBuild {(failed ? "failed" : "succeeded")} on {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC.");
        return failed ? 1 : 0;
    }

    /// <summary>Saves the state cache; it only saves hashing, so a full or read-only disk costs a warning, not the run.</summary>
    private static void SaveState(RunServices services)
    {
        try
        {
            services.Hasher.State.Save();
        }
        catch (Exception e) when (IoFailure.IsEnvironmental(e))
        {
            services.Console.Warning($"Could not save the state cache ({IoFailure.Explain(e)}); the next run hashes again what it would have remembered.");
        }
    }

    private RunServices OpenServices(Plan plan, BuildModel model, RunConsole console, ParamsFile parameters)
    {
        var jobs = Jobs;
        var roots = plan.Targets.Where(t => t.Spec.HasActions)
            .ToDictionary(t => t.Name, t => model.Behaviors[t.Name].ActionMethods);
        var code = new CodeFingerprintCache(layout.CodeHashCacheDirectory, Own, layout.Root).Get(roots);
        var hasher = new PathHasher(StateCache.Load(layout.StateFile), jobs);
        return new RunServices(layout, hasher, new ObjectCache(layout.CacheRoot, hasher.State, console.Warning),
            new RunCache(layout.CacheRoot), LockFile.Load(layout.LockFile), parameters, code, console, clock);
    }

    private RepositoryLock AcquireLock() => RepositoryLock.Acquire(layout.RunLockFile,
        $"pid {Environment.ProcessId} on {Environment.MachineName}, started {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z");
}
