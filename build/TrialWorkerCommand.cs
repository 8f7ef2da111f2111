using System.Globalization;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>
/// <c>_build.dll trial-worker &lt;request.json&gt; &lt;task&gt;</c>: one task of a trial array (<see cref="SlurmTrials"/>).
/// Runs the request's trial number <c>task</c> with <see cref="TrialWorker"/> and writes <c>result-&lt;task&gt;.json</c>
/// beside the request. Not a target: it takes no repository lock, so the tasks of a rung share one checkout.
/// </summary>
internal static class TrialWorkerCommand
{
    public const string Verb = "trial-worker";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb;

    public static string ResultPath(string requestPath, int task) =>
        Path.Combine(Path.GetDirectoryName(requestPath)!, $"result-{task.ToString(CultureInfo.InvariantCulture)}.json");

    public static int Run(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var task))
        {
            Console.Error.WriteLine($"usage: _build.dll {Verb} <request.json> <task index>");
            return 2;
        }

        var request = TrialWorkerRequest.Read(args[1]);
        var options = TrainOptions.FromParams(request.Task, request.TrainSection);
        var trial = request.Rung.Trials[task];
        var results = TrialWorker.Run(request.TrainCsv, request.Featurizer, options, request.Rung with { Trials = [trial] });
        TrialResultFile.Write(ResultPath(args[1], task), results);
        return 0;
    }
}
