using Pipeline.Serving.Logging;

namespace Pipeline.Serving.Rollouts;

/// <summary>The canary's step clock.</summary>
internal sealed partial class RolloutController
{
    /// <summary>
    /// Reads the running canary's labelled outcomes from <paramref name="store"/> when its plan awaits labels, then
    /// judges the step as <see cref="Tick(LabelledVerdict?)"/> does.
    /// </summary>
    public async Task<RolloutState> TickAsync(PredictionStore store, CancellationToken cancel)
    {
        var s = State;
        var labelled = s is { Phase: RolloutPhase.Running, Plan: { Strategy: RolloutStrategy.Canary, MaxLabelWait: not null } plan }
            ? await LabelledComparison.RunAsync(store, plan, Live.Variant, s.Started, cancel)
            : null;
        return Tick(labelled);
    }

    /// <summary>Judges the running canary step on errors, latency and score shift only (labels not consulted).</summary>
    public RolloutState Tick() => Tick(null);

    /// <summary>
    /// Judges the running canary step: withdraws an unhealthy canary, or one significantly worse on labelled traffic,
    /// at once; once the step has held for the plan's hold time and is healthy, moves to the next step, and promotes
    /// when the next step is 100 %, unless the plan awaits labels and <paramref name="labelled"/> has too few: then it
    /// holds until the plan's label wait has passed since the rollout started, and promotes saying so.
    /// </summary>
    public RolloutState Tick(LabelledVerdict? labelled)
    {
        lock (gate)
        {
            var s = State;
            if (s is not { Phase: RolloutPhase.Running, Plan: { Strategy: RolloutStrategy.Canary } plan, Health: { } health })
            {
                return s;
            }

            var verdict = CanaryJudge.Judge(health.Stable.Snapshot(), health.Candidate.Snapshot(), plan.Bounds);
            if (!verdict.Healthy)
            {
                return Rollback($"automatic rollback at {s.Percent} %: {verdict.Reason}");
            }

            if (plan.MaxLabelWait is not null && labelled is { Worse: true })
            {
                return Rollback($"automatic rollback at {s.Percent} %: {labelled.Reason}");
            }

            var now = clock.GetUtcNow();
            if (!verdict.Enough || now - s.Since < plan.Hold)
            {
                return s;
            }

            var step = s.Step + 1;
            var reason = plan.MaxLabelWait is null || labelled is null ? verdict.Reason : $"{verdict.Reason}; {labelled.Reason}";
            if (plan.Steps[step] == 100)
            {
                if (plan.MaxLabelWait is { } wait && labelled is not { Enough: true })
                {
                    var waited = now - s.Started;
                    if (waited < wait)
                    {
                        return Hold(s, $"holding at {s.Percent} % for labelled feedback ({waited.TotalSeconds:F0} of {wait.TotalSeconds:F0} s): {labelled?.Reason ?? "not read yet"}");
                    }

                    return Promote($"automatic promotion after {s.Percent} % WITHOUT a labelled comparison: {labelled?.Reason ?? "labels not read"} after the {wait.TotalSeconds:F0} s label wait; judged on {verdict.Reason}");
                }

                return Promote($"automatic promotion after {s.Percent} %: {reason}");
            }

            var next = s with { Step = step, Percent = plan.Steps[step], Since = now, Health = new StepHealth(), Reason = $"advanced to {plan.Steps[step]} %: {reason}" };
            Router.State = next;
            RolloutLog.Changed(logger, next.Phase, plan, next.Reason);
            return next;
        }
    }

    // NOTE: the state keeps its step and health window; only the reason changes, and is logged once when it starts.
    private RolloutState Hold(RolloutState s, string reason)
    {
        if (s.Reason?.StartsWith("holding", StringComparison.Ordinal) != true)
        {
            RolloutLog.Changed(logger, s.Phase, s.Plan, reason);
        }

        var next = s with { Reason = reason };
        Router.State = next;
        return next;
    }
}
