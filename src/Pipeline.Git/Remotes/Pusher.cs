using Pipeline.Engine.Caching;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>One push: every used object the local cache has goes up; what it lacks is a warning naming the output and its recorder.</summary>
internal sealed class Pusher(ObjectCache cache, RemoteStore remote, TransferReport report, int jobs)
{
    public async Task RunAsync(IReadOnlyList<TrackedOutput> outputs, bool runCache, CancellationToken cancellation)
    {
        await remote.CheckAsync(write: true, cancellation);
        var transfer = new ObjectSetTransfer(cache, new ObjectMover(cache, remote, report), jobs);
        var outcomes = await transfer.PushAsync([.. outputs.Select(o => o.Info.Hash).Distinct()], cancellation);
        foreach (var output in outputs)
        {
            switch (outcomes[output.Info.Hash])
            {
                case ObjectSetOutcome.Missing:
                    report.AddWarning($"{output.Describe()}: {output.Info.Hash.Value} is not in the local cache, not pushed; run the stage (or pull it) on this machine to push it.");
                    break;
                case ObjectSetOutcome.Corrupted:
                    report.AddWarning($"{output.Describe()}: {output.Info.Hash.Value} is corrupted in the local cache, not pushed; re-run the stage to repair it.");
                    break;
            }
        }
        if (!runCache) return;
        var entries = await new RunCacheTransfer(cache.Root, remote, report, jobs).PushAsync(cancellation);
        var named = RunCacheTransfer.ObjectsOf(entries);
        var runOutcomes = await transfer.PushAsync(named, cancellation);
        var absent = runOutcomes.Count(o => o.Value is ObjectSetOutcome.Missing or ObjectSetOutcome.Corrupted);
        if (absent > 0)
            report.AddWarning($"{absent} object(s) named by run-cache entries are not (intact) in the local cache, not pushed; another machine restoring those runs will re-execute them.");
    }
}
