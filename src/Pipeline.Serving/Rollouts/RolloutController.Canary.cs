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

            var now = clock.GetUtcNow();
            if (!verdict.Enough || now - s.Since < plan.Hold)
            {
                return s;
            }

            var step = s.Step + 1;
            if (plan.Steps[step] == 100)
            {
                return Promote($"automatic promotion after {s.Percent} %: {verdict.Reason}");
            }

            var next = s with { Step = step, Percent = plan.Steps[step], Since = now, Health = new StepHealth(), Reason = $"advanced to {plan.Steps[step]} %: {verdict.Reason}" };
            Router.State = next;
            RolloutLog.Changed(logger, next.Phase, plan, next.Reason);
            return next;
        }
    }
}
