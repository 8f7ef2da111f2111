using System.Globalization;
using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Json;
using Pipeline.Git.Slurm;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>
/// Train's trials on the cluster (<c>--trial-executor slurm</c>): each successive-halving rung is one Slurm job array,
/// one task per trial, at most <c>train.max_parallel_trials</c> at a time. A task runs <see cref="TrialWorkerCommand"/>
/// (the compiled build, not recompiled) on the same inputs and params in this checkout, which every node sees, and
/// leaves its result beside its log; ranking, halving and the refit stay in the Train process.
/// </summary>
internal sealed class SlurmTrials(string root, TrialWorkerRequest request, int limit, SlurmSettings settings, ITargetLog log) : ITrialRungRunner
{
    public IReadOnlyList<TrialResult> Run(TrialRung rung, CancellationToken cancellation)
    {
        var directory = Path.Combine(root, ".nuke", "temp", "trials", $"rung-{rung.Rung.ToString(CultureInfo.InvariantCulture)}");
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        var requestPath = Path.Combine(directory, "request.json");
        (request with { Rung = rung }).Write(requestPath);

        var command = $"{Quote(Environment.ProcessPath ?? "dotnet")} {Quote(typeof(SlurmTrials).Assembly.Location)} {TrialWorkerCommand.Verb} {Quote(requestPath)} \"$SLURM_ARRAY_TASK_ID\"";
        var tasks = SlurmJobArray.RunAsync($"pipeline-Train-rung{rung.Rung}", directory, command, rung.Trials.Count, limit, settings, log, TimeProvider.System, cancellation)
            .GetAwaiter().GetResult();
        if (tasks.FirstOrDefault(t => !t.Completed) is { } failed)
        {
            throw new TargetJobException(
                $"trial {rung.Trials[failed.Index]} of rung {rung.Rung} (Slurm job {failed.JobId}{(failed.Node is null ? "" : " on " + failed.Node)}) ended {failed.State}" +
                (failed.LastLines.Count == 0 ? "" : "\nlast log lines:\n  " + string.Join("\n  ", failed.LastLines)));
        }

        return tasks.SelectMany(t => TrialResultFile.Read(TrialWorkerCommand.ResultPath(requestPath, t.Index), t.Node, t.JobId)).ToList();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
