namespace Pipeline.Serving.Rollouts;

/// <summary>The canary's step clock.</summary>
internal sealed partial class RolloutController
{
    /// <summary>
    /// Judges the running canary step: withdraws an unhealthy canary at once; once the step has held for the plan's
    /// hold time and is healthy, moves to the next step, and promotes when the next step is 100 %.
    /// </summary>
    public RolloutState Tick()
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

            var outcomes = plan.Bounds.MinLabels > 0 && s.Outcomes is { } o
                ? OutcomeJudge.Judge(o.Stable.Snapshot(), o.Candidate.Snapshot(), plan.Bounds.MinLabels, plan.Bounds.LabelAlpha)
                : null;
            if (outcomes is { Healthy: false })
            {
                return Rollback($"automatic rollback at {s.Percent} %: {outcomes.Reason}");
            }

            var now = clock.GetUtcNow();
            if (!verdict.Enough || now - s.Since < plan.Hold)
            {
                return s;
            }

            var step = s.Step + 1;
            if (plan.Steps[step] == 100)
            {
                // NOTE: the last step promotes only on outcomes when they are asked for: while labels are too few it holds,
                // and past max_label_wait_seconds it withdraws the candidate rather than promote it on latency alone.
                if (outcomes is { Enough: false })
                {
                    return now - s.Since < plan.Hold + TimeSpan.FromSeconds(plan.Bounds.MaxLabelWaitSeconds)
                        ? Hold(s, $"holding at {s.Percent} %: {outcomes.Reason}")
                        : Rollback($"automatic rollback at {s.Percent} %: not judged on outcomes within max_label_wait_seconds = {plan.Bounds.MaxLabelWaitSeconds} ({outcomes.Reason})");
                }

                return Promote($"automatic promotion after {s.Percent} %: {verdict.Reason}{(outcomes is null ? "" : "; " + outcomes.Reason)}");
            }

            var next = s with { Step = step, Percent = plan.Steps[step], Since = now, Health = new StepHealth(), Reason = $"advanced to {plan.Steps[step]} %: {verdict.Reason}" };
            Router.State = next;
            RolloutLog.Changed(logger, next.Phase, plan, next.Reason);
            return next;
        }
    }

    private RolloutState Hold(RolloutState s, string reason)
    {
        if (s.Reason == reason) return s;
        var next = s with { Reason = reason };
        Router.State = next;
        return next;
    }
}
