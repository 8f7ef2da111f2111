using System.Diagnostics;
using System.Globalization;
using Pipeline.Engine.Failures;

namespace Pipeline.Git.Slurm;

/// <summary>The Slurm client commands the executor uses (<c>sbatch</c>, <c>scontrol</c>, <c>scancel</c>), with SLURM_CONF from the environment.</summary>
internal static class SlurmCommands
{
    /// <summary>Submits <paramref name="script"/>; returns the job id.</summary>
    public static string Submit(string script, IReadOnlyList<string> extraArgs) =>
        Run("sbatch", ["--parsable", .. extraArgs, script]).Split(';')[0].Trim();

    /// <summary>
    /// The job's state, batch node and whether Slurm may requeue it (<c>Requeue=1</c>), from <c>scontrol show job -o</c>
    /// (kept by slurmctld for MinJobAge after it ends).
    /// </summary>
    public static (string State, string? Node, bool Requeue) Show(string jobId)
    {
        var fields = Fields(Run("scontrol", ["show", "job", "-o", jobId]));
        var node = fields.GetValueOrDefault("BatchHost") is { Length: > 0 } host and not "(null)" ? host : null;
        return (fields.GetValueOrDefault("JobState") ?? "UNKNOWN", node, fields.GetValueOrDefault("Requeue") == "1");
    }

    /// <summary>
    /// Every record of a job array (<c>scontrol show job -o &lt;array id&gt;</c>): a task that started has its own
    /// record (its <c>ArrayTaskId</c> a number, with its state and node); the tasks still waiting share one record whose
    /// <c>ArrayTaskId</c> is a range, returned with a null task.
    /// </summary>
    public static IReadOnlyList<(int? Task, string State, string? Node)> ShowArray(string arrayJobId) =>
        Run("scontrol", ["show", "job", "-o", arrayJobId]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Fields)
            .Select(f => (
                int.TryParse(f.GetValueOrDefault("ArrayTaskId"), NumberStyles.None, CultureInfo.InvariantCulture, out var task) ? task : (int?)null,
                f.GetValueOrDefault("JobState") ?? "UNKNOWN",
                f.GetValueOrDefault("BatchHost") is { Length: > 0 } host and not "(null)" ? host : null))
            .ToList();

    private static Dictionary<string, string> Fields(string record) =>
        record.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]);

    /// <summary>The comment a job submitted from inside job <paramref name="parentJobId"/> carries (<see cref="CancelChildren"/> finds it by).</summary>
    public static string ParentComment(string parentJobId) => $"pipeline-parent={parentJobId}";

    /// <summary>
    /// Cancels the jobs (trial arrays) submitted from inside job <paramref name="parentJobId"/> that are still queued or
    /// running: what its own process did not cancel because it was killed (node lost, SIGKILL after KillWait).
    /// </summary>
    public static void CancelChildren(string parentJobId)
    {
        string listing;
        try { listing = Run("squeue", ["-h", "-o", "%F|%k"]); }
        catch (TargetJobException) { return; }
        var comment = ParentComment(parentJobId);
        foreach (var child in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Select(l => l.Split('|', 2)).Where(f => f.Length == 2 && f[1] == comment).Select(f => f[0]).Distinct(StringComparer.Ordinal))
            Cancel(child);
    }

    /// <summary>Cancels the job; a job that already ended is not an error.</summary>
    public static void Cancel(string jobId)
    {
        try { Run("scancel", [jobId]); }
        catch (TargetJobException) { }
    }

    /// <summary>One line: the client's last error line, and the fix when it could not find the cluster at all.</summary>
    private static string Explain(string command, int exitCode, string error)
    {
        var last = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var hint = error.Contains("configuration source", StringComparison.Ordinal) || error.Contains("Unable to contact slurm controller", StringComparison.Ordinal)
            ? (Environment.GetEnvironmentVariable("SLURM_CONF") is { Length: > 0 } conf
                ? $" (SLURM_CONF={conf}: is slurmctld running?)"
                : " (SLURM_CONF is not set: export SLURM_CONF=<the cluster's slurm.conf>, as on a login node)")
            : "";
        return $"`{command}` failed (exit {exitCode}): {last}{hint}";
    }

    private static string Run(string command, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new UsageException($"--executor slurm needs the Slurm client `{command}` on PATH (and SLURM_CONF pointing at the cluster's slurm.conf); install slurm-client or run on a login node.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new TargetJobException(Explain(command, process.ExitCode, error));
            return output.GetAwaiter().GetResult();
        }
    }
}
