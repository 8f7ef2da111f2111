using Pipeline.Engine.Caching;
using Pipeline.Engine.CodeHashing;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Hashing;
using Pipeline.Engine.Params;

namespace Pipeline.Engine.Execution;

/// <summary>What one run shares between its targets. Only the executor and its helpers touch disk through these.</summary>
internal sealed record RunServices(
    RepositoryLayout Layout,
    PathHasher Hasher,
    ObjectCache Cache,
    RunCache RunCache,
    LockFile Lock,
    ParamsFile Params,
    IReadOnlyDictionary<string, CodeFingerprintResult> Code,
    RunConsole Console,
    TimeProvider Clock)
{
    /// <summary>Guards <see cref="Lock"/>: targets finish in parallel but dvc.lock is written by one at a time.</summary>
    public System.Threading.Lock LockGate { get; } = new();

    public InputResolver Inputs { get; } = new(Layout.Root);

    /// <summary>
    /// How long a running target with outputs may take to stop after Ctrl-C or SIGTERM before the run abandons it
    /// (rolls it back and reports it without waiting); <see cref="DefaultCancelGrace"/> unless a test shortens it.
    /// </summary>
    public TimeSpan CancelGrace { get; init; } = DefaultCancelGrace;

    /// <summary>The grace period running targets get to stop on cancellation: 5 seconds.</summary>
    public static readonly TimeSpan DefaultCancelGrace = TimeSpan.FromSeconds(5);

    /// <summary>With --pull: where missing objects and run-cache entries are fetched from before a target would execute.</summary>
    public IObjectSource? ObjectSource { get; init; }

    /// <summary>Where targets' starts, ends and progress reports go (the console, and the live record of a locked run).</summary>
    public RunProgress Progress
    {
        get => field ??= new RunProgress(Console, Clock, liveFile: null, interactive: false);
        init;
    }

    /// <summary>Where the code of a target that must execute runs (<c>--executor</c>); this process by default.</summary>
    public ITargetExecutor Executor { get; init; } = LocalExecutor.Instance;
}
