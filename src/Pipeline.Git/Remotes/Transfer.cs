using Pipeline.Engine.Caching;

namespace Pipeline.Git.Remotes;

/// <summary>
/// <c>dvc push</c> / <c>dvc pull</c>: moves the cache objects of dvc.lock and <c>.dvc</c> outputs to and from a DVC
/// remote in DVC's layout (docs/dvc-format.md §13.3–13.4). Parallel, resumable (present objects are skipped) and verified
/// by md5. Push sends what the local cache has and warns about the rest; pull refuses corrupted objects. A remote that
/// cannot be used at all throws <see cref="RemoteException"/>.
/// </summary>
public static class Transfer
{
    /// <summary>Uploads the used objects of <paramref name="targets"/> (all when null) to the remote (default when null).</summary>
    public static TransferReport Push(string repoRoot, string? remoteName = null, IReadOnlyCollection<string>? targets = null, TransferOptions? options = null) =>
        PushAsync(repoRoot, remoteName, targets, options, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Fetches the used objects into the cache (verified), then checks out missing or changed outputs.</summary>
    public static TransferReport Pull(string repoRoot, string? remoteName = null, IReadOnlyCollection<string>? targets = null, TransferOptions? options = null) =>
        PullOutputs(repoRoot, remoteName, targets, options ?? new TransferOptions(), includeLockOutputs: true);

    /// <summary>As <see cref="Push"/>, cancellable.</summary>
    public static async Task<TransferReport> PushAsync(string repoRoot, string? remoteName, IReadOnlyCollection<string>? targets, TransferOptions? options, CancellationToken cancellation)
    {
        options ??= new TransferOptions();
        var (settings, cache) = Open(repoRoot, remoteName);
        using var remote = RemoteStores.Open(settings, options.Environment ?? RemoteEnvironment.Current());
        var report = new TransferReport("push", settings.Name);
        await new Pusher(cache, remote, report, JobsOf(options, settings)).RunAsync(TrackedOutputs.Collect(repoRoot, targets), options.RunCache, cancellation);
        return report;
    }

    /// <summary>As <see cref="Pull"/>, cancellable.</summary>
    public static Task<TransferReport> PullAsync(string repoRoot, string? remoteName, IReadOnlyCollection<string>? targets, TransferOptions? options, CancellationToken cancellation) =>
        PullOutputsAsync(repoRoot, remoteName, targets, options ?? new TransferOptions(), includeLockOutputs: true, cancellation);

    /// <summary>Pull with a choice of outputs: <paramref name="includeLockOutputs"/> false takes only <c>.dvc</c> files.</summary>
    internal static TransferReport PullOutputs(string repoRoot, string? remoteName, IReadOnlyCollection<string>? targets, TransferOptions options, bool includeLockOutputs) =>
        PullOutputsAsync(repoRoot, remoteName, targets, options, includeLockOutputs, CancellationToken.None).GetAwaiter().GetResult();

    private static async Task<TransferReport> PullOutputsAsync(string repoRoot, string? remoteName, IReadOnlyCollection<string>? targets, TransferOptions options, bool includeLockOutputs, CancellationToken cancellation)
    {
        var (settings, cache) = Open(repoRoot, remoteName);
        using var remote = RemoteStores.Open(settings, options.Environment ?? RemoteEnvironment.Current());
        var report = new TransferReport("pull", settings.Name);
        var outputs = TrackedOutputs.Collect(repoRoot, targets, includeLockOutputs);
        await new Puller(Path.GetFullPath(repoRoot), cache, remote, report, JobsOf(options, settings), options).RunAsync(outputs, cancellation);
        return report;
    }

    /// <summary>The remote's settings (default remote when <paramref name="remoteName"/> is null) and the local cache.</summary>
    internal static (RemoteSettings Settings, ObjectCache Cache) Open(string repoRoot, string? remoteName)
    {
        var config = DvcConfig.Load(repoRoot);
        return (config.Remote(remoteName), new ObjectCache(config.CacheRoot));
    }

    /// <summary>--jobs, else the remote's <c>jobs</c> setting, else DVC's default of 4 × processors.</summary>
    internal static int JobsOf(TransferOptions options, RemoteSettings settings)
    {
        if (options.Jobs is { } jobs) return Math.Max(1, jobs);
        if (settings.Get("jobs") is not { } text) return 4 * Environment.ProcessorCount;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new RemoteException($"Remote '{settings.Name}': jobs = '{text}' is not a positive whole number. Fix it with `dvc remote modify {settings.Name} jobs 8`.");
    }
}
