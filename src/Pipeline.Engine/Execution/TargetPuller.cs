using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Execution;

/// <summary>
/// <c>--pull</c> for one target about to execute: fetches the objects of its recorded outputs that are missing, and
/// the run-cache entries for its current (code, inputs, params) with their objects, so the check that follows can
/// restore instead of executing. What cannot be fetched is a warning; the target then runs as it would have.
/// </summary>
internal sealed class TargetPuller(RunServices services, IObjectSource source)
{
    /// <summary>True when something was fetched, so the target must be checked again.</summary>
    public async Task<bool> PullAsync(TargetSpec spec, TargetCheck check, bool runCache, CancellationToken cancellation)
    {
        var log = services.Console.For(spec.Name);
        var wanted = new List<ContentHash>();
        if (check.Recorded is { } recorded)
        {
            wanted.AddRange(check.Outputs.Where(o => o.Value == OutputState.Missing)
                .Select(o => recorded.Outs.First(r => r.Path == o.Key).Info)
                .Where(i => i is not null)
                .Select(i => i!.Hash));
        }
        if (runCache)
        {
            foreach (var problem in await source.FetchRunCacheAsync(RunCache.KeyOf(check.Current).Key, cancellation)) log.Warning(problem);
            if (services.RunCache.TryFind(check.Current, services.Console.Warning) is { } hit)
                wanted.AddRange(hit.Outs.Where(o => o.Info is not null && !services.Cache.Contains(o.Info.Hash)).Select(o => o.Info!.Hash));
        }
        var missing = wanted.Distinct().ToList();
        if (missing.Count == 0) return runCache;
        foreach (var problem in await source.FetchObjectsAsync(missing, cancellation)) log.Warning(problem);
        log.Information($"pulled from {source.Name}: {missing.Count(services.Cache.Contains)} of {missing.Count} missing object(s)");
        return true;
    }
}
