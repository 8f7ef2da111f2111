namespace Pipeline.Git.Slurm;

/// <summary>Slurm job states, as <c>scontrol show job</c> prints them.</summary>
internal static class SlurmStates
{
    /// <summary>The job (or array task) has ended and will not run again by itself: completed, failed, cancelled, timed out, node lost ….</summary>
    public static bool IsFinal(string state) =>
        state is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "REQUEUED" or "RESIZING" or "SUSPENDED" or "REQUEUE_HOLD" or "REQUEUE_FED");

    /// <summary>
    /// Ends after which Slurm requeues a job submitted with <c>--requeue</c> (the default unless the cluster sets
    /// JobRequeue=0): the same job id runs again, so such a state is only final once it has lasted.
    /// </summary>
    public static bool MayBeRequeued(string state) => state is "NODE_FAIL" or "PREEMPTED";
}
