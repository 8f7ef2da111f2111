using Microsoft.Extensions.Logging;
using Pipeline.Ml.Gate;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Rollouts;

/// <summary>
/// Drives rollouts: starts one (load, check, smoke-test the candidate, then publish a new <see cref="RolloutState"/>),
/// promotes, rolls back, and advances or withdraws a canary on every <see cref="TickAsync"/>. Admin operations are
/// serialised; requests only ever read the published state.
/// </summary>
internal sealed partial class RolloutController
{
    private readonly Lock gate = new();
    private readonly PredictionService service;
    private readonly ServingOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<RolloutController> logger;

    public RolloutController(PredictionService service, ServingOptions options, TimeProvider clock, ILogger<RolloutController> logger)
    {
        (this.service, this.options, this.clock, this.logger) = (service, options, clock, logger);
        Router = new RolloutRouter();
        service.Router = Router;
    }

    /// <summary>The router requests read.</summary>
    public RolloutRouter Router { get; }

    /// <summary>The current state.</summary>
    public RolloutState State => Router.State;

    /// <summary>The live model.</summary>
    public ServedModel Live => service.Live!;

    /// <summary>Starts a rollout of a registered version with the request's strategy.</summary>
    public RolloutState Start(RolloutRequest request)
    {
        var plan = RolloutPlan.From(request);
        var live = Live;
        RefuseWhileRunning();
        var candidate = CandidateLoader.Load(options, plan, live, CandidateVariant(plan.Strategy, live));
        CandidateLoader.SmokeTest(candidate, request.SmokeRows);
        lock (gate)
        {
            RefuseWhileRunning();
            var now = clock.GetUtcNow();
            var running = new RolloutState(RolloutPhase.Running, plan, candidate, null, 0, 0, now, null, State.Previous, $"{plan.Strategy} rollout of {plan.Version} started") { Started = now };
            var next = plan.Strategy switch
            {
                RolloutStrategy.Canary => running with { Percent = plan.Steps[0], Health = new StepHealth() },
                RolloutStrategy.AbTest => running with { Percent = plan.Split, Incumbent = live.As("control") },
                RolloutStrategy.Shadow => running,
                _ => SwitchTo(candidate, plan, $"{plan.Strategy} switch to {plan.Version}"),
            };
            Router.State = next;
            RolloutLog.Changed(logger, next.Phase, plan, next.Reason ?? "");
            return next;
        }
    }

    /// <summary>Makes the running candidate the live model (answering under the live variant name).</summary>
    public RolloutState Promote() => Promote("promoted by admin");

    /// <summary>
    /// Withdraws a running candidate, or, when none is running, swaps the warm previous model back in. Takes effect
    /// for the next request.
    /// </summary>
    public RolloutState Rollback(string reason = "rolled back by admin")
    {
        lock (gate)
        {
            var s = State;
            RolloutState next;
            if (s.Phase == RolloutPhase.Running)
            {
                next = s with { Phase = RolloutPhase.RolledBack, Candidate = null, Incumbent = null, Percent = 0, Health = null, Reason = reason };
            }
            else if (s.Previous is { } previous)
            {
                var current = service.Swap(previous);
                next = s with { Phase = RolloutPhase.RolledBack, Candidate = null, Previous = null, Reason = $"{reason}: {previous.Version} restored, {current?.Version} withdrawn" };
            }
            else
            {
                throw RequestRejectedException.Invalid($"Nothing to roll back: no rollout is running and no previous model is kept (live: {Live.Version}).");
            }

            Router.State = next;
            RolloutLog.Changed(logger, next.Phase, s.Plan, reason);
            RecordProduction();
            return next;
        }
    }

    private RolloutState Promote(string reason)
    {
        lock (gate)
        {
            var s = State;
            if (s is not { Phase: RolloutPhase.Running, Candidate: { } candidate, Plan: { } plan })
            {
                throw RequestRejectedException.Invalid($"Nothing to promote: no rollout is running (phase {s.Phase}). Start one with POST /admin/rollout.");
            }

            var next = SwitchTo(candidate.As(Live.Variant), plan, reason);
            Router.State = next;
            RolloutLog.Changed(logger, next.Phase, plan, reason);
            return next;
        }
    }

    // NOTE: the live model is swapped before the state drops the split, so a request in between is answered by the
    // candidate either way; nobody waits and nothing fails.
    private RolloutState SwitchTo(ServedModel next, RolloutPlan plan, string reason)
    {
        var previous = service.Swap(next);
        RecordProduction();
        return new RolloutState(RolloutPhase.Promoted, plan, null, null, 0, 0, clock.GetUtcNow(), null, previous, reason);
    }

    // NOTE: Deploy marks a version production before its rollout, and the host decides how the rollout ends; the
    // pointer follows the live model, so a restarted host serves what this one served, not a rolled-back candidate.
    private void RecordProduction()
    {
        var live = Live;
        try
        {
            RegistryFolder.Promote(options.RegistryPath, live.Name, live.Version);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RolloutLog.RegistryNotUpdated(logger, live.Version.ToString(), e.Message);
        }
    }

    private void RefuseWhileRunning()
    {
        if (State is { Phase: RolloutPhase.Running, Plan: { } running })
        {
            throw RequestRejectedException.Invalid($"A {running.Strategy} rollout of {running.Version} is running; promote it (POST /admin/rollout/promote) or roll it back (POST /admin/rollback) first.");
        }
    }

    private static string CandidateVariant(RolloutStrategy strategy, ServedModel live) => strategy switch
    {
        RolloutStrategy.BlueGreen => live.Variant == "green" ? "blue" : "green",
        RolloutStrategy.Canary => "canary",
        RolloutStrategy.AbTest => "treatment",
        RolloutStrategy.Shadow => "shadow",
        _ => live.Variant,
    };
}
