using System.Runtime.CompilerServices;

namespace Pipeline.Engine;

/// <summary>Every verb a target definition has. This file is the manual.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown under the target in <c>--help</c> and written to dvc.yaml as <c>desc</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Pulls these targets into the plan and runs them first.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>The reverse edge of <see cref="DependsOn"/>: those targets depend on this one.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Runs after these targets when both are planned; pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Runs before these targets when both are planned; pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>When this target is planned, also plan these to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>When any of these targets is planned, also plan this one to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Files, directories or globs (<c>*</c>, <c>**</c>, <c>?</c>) the target reads, relative to the root; their content hashes decide re-runs, and a target producing one becomes a dependency.</summary>
    ITargetDefinition Inputs(params string[] paths);

    /// <summary>Inputs that may not exist yet, e.g. a schema the target infers on its first run: a missing one is recorded as missing, not an error.</summary>
    ITargetDefinition OptionalInputs(params string[] paths);

    /// <summary>Files or directories the target writes; hashed, cached and restored. Write them through <see cref="ITargetContext.Output"/> so they change only on success.</summary>
    ITargetDefinition Outputs(params string[] paths);

    /// <summary>params.yaml sections or dotted keys the target reads (<c>"train"</c>, <c>"train.lr"</c>); a changed value re-runs it.</summary>
    ITargetDefinition Params(params string[] keys);

    /// <summary>Metrics files the target writes (outputs that DVC's metrics tools read).</summary>
    ITargetDefinition Metrics(params string[] paths);

    /// <summary>Plot files or directories the target writes (outputs that DVC's plots tools read).</summary>
    ITargetDefinition Plots(params string[] paths);

    /// <summary>Never up to date: runs whenever it is planned (DVC's <c>always_changed</c>).</summary>
    ITargetDefinition AlwaysRun();

    /// <summary>
    /// Never restored from the run-cache (and never saved to it): for targets whose effects go beyond their declared
    /// outputs, such as registering a model, which restoring the outputs alone would silently skip.
    /// </summary>
    ITargetDefinition NoRunCache();

    /// <summary>Fails the run before anything executes when the condition is false (checked for planned targets only).</summary>
    ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>Skips the target, when it is about to run, if the condition is false; the summary shows the condition's text.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? text = null);

    /// <summary>
    /// Runs without taking the repository lock, so other runs can proceed meanwhile: for long-running or read-only
    /// targets that write nothing the engine tracks (a server, a report). Not allowed on targets with outputs.
    /// </summary>
    ITargetDefinition NoRepositoryLock();

    /// <summary>If this target fails, the rest of the plan still runs (the run still ends failed).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Adds an action. Actions run in order.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an action that receives the target's context.</summary>
    ITargetDefinition Executes(Action<ITargetContext> action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that receives the target's context (cancellation, paths, parameters, logger).</summary>
    ITargetDefinition Executes(Func<ITargetContext, Task> action);
}
