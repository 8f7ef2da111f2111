using Pipeline.Engine.Caching;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>One pull: the used objects (verified), optionally the run-cache and the objects its entries name, then the checkout.</summary>
internal sealed class Puller(string repoRoot, ObjectCache cache, RemoteStore remote, TransferReport report, int jobs, TransferOptions options)
{
    public async Task RunAsync(IReadOnlyList<TrackedOutput> outputs, CancellationToken cancellation)
    {
        await remote.CheckAsync(write: false, cancellation);
        var transfer = new ObjectSetTransfer(cache, new ObjectMover(cache, remote, report), jobs);
        var outcomes = await transfer.FetchAsync([.. outputs.Select(o => o.Info.Hash).Distinct()], cancellation);
        var unavailable = new HashSet<ContentHash>();
        foreach (var output in outputs)
        {
            var outcome = outcomes[output.Info.Hash];
            if (outcome == ObjectSetOutcome.Complete) continue;
            unavailable.Add(output.Info.Hash);
            if (outcome == ObjectSetOutcome.Corrupted && InvalidManifest(output.Info.Hash) is { } problem)
                report.AddFailure(new TransferFailure(output.Info.Hash.Value, output.RepoPath, $"not checked out: {problem}"));
            if (outcome != ObjectSetOutcome.Missing) continue;
            var line = $"{output.Describe()}: {output.Info.Hash.Value} is missing on remote '{remote.Name}' ({remote.Describe(RemoteLayout.ObjectKey(output.Info.Hash))}); push it from a machine that has it";
            if (options.AllowMissing) report.AddWarning(line + ".");
            else report.AddFailure(new TransferFailure(output.Info.Hash.Value, output.RepoPath, $"missing on remote '{remote.Name}' ({output.Describe()}); push it from a machine that has it"));
        }
        if (options.RunCache) await PullRunCacheAsync(transfer, cancellation);
        if (!options.FetchOnly) WorkspaceRestorer.Restore(repoRoot, cache, outputs.Where(o => !unavailable.Contains(o.Info.Hash)), report);
    }

    // NOTE: a manifest whose bytes match its name can still be unusable (e.g. a relpath leaving its directory): the
    // download was not corrupted, so the mover said nothing; say what is wrong with it here.
    private string? InvalidManifest(ContentHash hash)
    {
        if (!hash.IsDirectory || !File.Exists(cache.ObjectPath(hash))) return null;
        try
        {
            DirManifest.Parse(File.ReadAllBytes(cache.ObjectPath(hash)));
            return null;
        }
        catch (FormatException e)
        {
            return $"its .dir manifest {hash.Value} from remote '{remote.Name}' is refused: {e.Message}";
        }
    }

    private async Task PullRunCacheAsync(ObjectSetTransfer transfer, CancellationToken cancellation)
    {
        var entries = await new RunCacheTransfer(cache.Root, remote, report, jobs).PullAsync(RemoteLayout.RunsPrefix, cancellation);
        var named = RunCacheTransfer.ObjectsOf(entries);
        var outcomes = await transfer.FetchAsync(named, cancellation);
        var missing = outcomes.Count(o => o.Value == ObjectSetOutcome.Missing);
        // NOTE: an entry whose objects are absent is only unusable (the stage runs); it is not a failed transfer.
        if (missing > 0)
            report.AddWarning($"{missing} object(s) named by run-cache entries are missing on remote '{remote.Name}'; those runs cannot be restored and will execute.");
    }
}
