namespace Pipeline.Git.Slurm;

/// <summary>How one task of a job array ended: its index, Slurm state, node, job id (<c>&lt;array&gt;_&lt;task&gt;</c>) and its log's last lines.</summary>
public sealed record SlurmArrayTask(int Index, string State, string? Node, string JobId, IReadOnlyList<string> LastLines)
{
    /// <summary>The task ran to the end with exit code 0.</summary>
    public bool Completed => State == "COMPLETED";
}
