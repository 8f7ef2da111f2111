using System.Globalization;
using System.Text;
using Pipeline.Engine;

namespace Pipeline.Git.Slurm;

/// <summary>
/// One <c>sbatch --array</c> job: <c>count</c> tasks of one command line, at most <c>limit</c> at a time
/// (<c>%limit</c>), each with its own log in a folder every node sees. Waits until every task has ended and returns
/// how each ended; cancelling the wait scancels the array.
/// </summary>
public static class SlurmJobArray
{
    /// <summary>
    /// Submits <paramref name="commandLine"/> (a bash line; <c>$SLURM_ARRAY_TASK_ID</c> is the task's index) as tasks
    /// 0..<paramref name="count"/>-1, run in <paramref name="directory"/>; logs <c>task-&lt;i&gt;.log</c> go there too.
    /// </summary>
    public static async Task<IReadOnlyList<SlurmArrayTask>> RunAsync(
        string name, string directory, string commandLine, int count, int limit, SlurmSettings settings, ITargetLog log, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Directory.CreateDirectory(directory);
        var script = Path.Combine(directory, "array.sh");
        var sb = new StringBuilder("#!/usr/bin/env bash\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name={name}\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{count - 1}{(limit > 0 ? "%" + limit.ToString(CultureInfo.InvariantCulture) : "")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(directory, "task-%a.log")}\n");
        sb.Append("#SBATCH --open-mode=append\n");
        sb.Append("set -eo pipefail\n");
        sb.Append(CultureInfo.InvariantCulture, $"cd {Quote(directory)}\n");
        sb.Append("echo \"task ${SLURM_ARRAY_TASK_ID} of job ${SLURM_ARRAY_JOB_ID} on node ${SLURMD_NODENAME:-?}\"\n");
        sb.Append(commandLine).Append('\n');
        await File.WriteAllTextAsync(script, sb.ToString(), cancellation);

        // NOTE: tagged with the job that submits it (a Train job), so the driver can cancel the array if that job is killed before it could.
        var parent = settings.ParentJobId is { Length: > 0 } p ? new[] { "--comment=" + SlurmCommands.ParentComment(p) } : [];
        var arrayId = SlurmCommands.Submit(script, [.. settings.SbatchArgs(), .. parent]);
        log.Information($"{name}: {count} task(s) submitted as Slurm job array {arrayId}{(limit > 0 ? $" (at most {limit} at a time)" : "")}");
        var ended = new Dictionary<int, (string State, string? Node)>();
        try
        {
            while (true)
            {
                foreach (var (task, state, node) in SlurmCommands.ShowArray(arrayId))
                {
                    if (task is not { } i || !SlurmStates.IsFinal(state) || ended.ContainsKey(i)) continue;
                    ended[i] = (state, node);
                    log.Information($"{name}: task {i} {state}{(node is null ? "" : " on " + node)}");
                }

                if (ended.Count >= count) break;
                await Task.Delay(settings.PollInterval, clock, cancellation);
            }
        }
        catch (OperationCanceledException)
        {
            SlurmCommands.Cancel(arrayId);
            throw;
        }

        return Enumerable.Range(0, count).Select(i => new SlurmArrayTask(
            i, ended[i].State, ended[i].Node, $"{arrayId}_{i}",
            ended[i].State == "COMPLETED" ? [] : LastLines(Path.Combine(directory, $"task-{i}.log")))).ToList();
    }

    private static string[] LastLines(string path) =>
        File.Exists(path) ? File.ReadLines(path).Where(l => l.Trim().Length > 0).TakeLast(10).ToArray() : [];

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
