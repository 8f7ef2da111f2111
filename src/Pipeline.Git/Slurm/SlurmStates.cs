namespace Pipeline.Git.Slurm;

/// <summary>Slurm job states, as <c>scontrol show job</c> prints them.</summary>
internal static class SlurmStates
{
    /// <summary>The job (or array task) has ended and will not run again by itself: completed, failed, cancelled, timed out, node lost ….</summary>
    public static bool IsFinal(string state) =>
        state is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "REQUEUED" or "RESIZING" or "SUSPENDED" or "REQUEUE_HOLD" or "REQUEUE_FED");
}
