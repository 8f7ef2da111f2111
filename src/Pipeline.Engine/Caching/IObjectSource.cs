using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Caching;

/// <summary>
/// Where a run with <c>--pull</c> fetches what the local cache lacks before it decides to execute a target, like
/// <c>dvc repro --pull</c>: the recorded outputs' objects and the run-cache entries (and their objects) for the
/// target's current inputs. Implemented outside the engine (Pipeline.Git's DVC remote); returned by
/// <see cref="PipelineBuild.OpenObjectSource"/>. Called from several targets at once.
/// </summary>
public interface IObjectSource : IDisposable
{
    /// <summary>What the source is, for messages (e.g. <c>remote 'storage'</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Fetches the run-cache entries saved under <paramref name="key"/> into <c>&lt;cache&gt;/runs/&lt;key[..2]&gt;/&lt;key&gt;/</c>
    /// (entries already there are kept); returns one line per entry it refused or could not fetch.
    /// </summary>
    Task<IReadOnlyList<string>> FetchRunCacheAsync(string key, CancellationToken cancellation);

    /// <summary>
    /// Fetches the objects of <paramref name="hashes"/> (for a directory: its manifest and every file) into the cache,
    /// each verified by its md5 before it is placed; returns one line per object it could not fetch or refused.
    /// </summary>
    Task<IReadOnlyList<string>> FetchObjectsAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellation);
}
