using System.Collections.Concurrent;
using System.Text;

namespace Pipeline.Git.Remotes;

/// <summary>What a push or pull did: objects moved, skipped (already there) and failed, with reasons, and warnings.</summary>
public sealed class TransferReport(string direction, string remote)
{
    private readonly ConcurrentQueue<TransferFailure> _failures = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private int _transferred;
    private int _skipped;
    private int _checkedOut;
    private int _runCacheEntries;

    /// <summary><c>push</c> or <c>pull</c>.</summary>
    public string Direction => direction;

    /// <summary>The remote's name.</summary>
    public string Remote => remote;

    /// <summary>Objects uploaded (push) or downloaded into the cache (pull).</summary>
    public int Transferred => _transferred;

    /// <summary>Objects uploaded; zero for a pull.</summary>
    public int Pushed => direction == "push" ? _transferred : 0;

    /// <summary>Objects downloaded; zero for a push.</summary>
    public int Pulled => direction == "pull" ? _transferred : 0;

    /// <summary>Objects already present at the destination.</summary>
    public int Skipped => _skipped;

    /// <summary>Objects (and outputs) that failed; see <see cref="Failures"/>.</summary>
    public int Failed => _failures.Count;

    /// <summary>Workspace outputs restored from the cache (pull).</summary>
    public int CheckedOut => _checkedOut;

    /// <summary>Run-cache entries copied (<see cref="TransferOptions.RunCache"/>).</summary>
    public int RunCacheEntries => _runCacheEntries;

    /// <summary>Each failure with its hash, location and reason, in hash order.</summary>
    public IReadOnlyList<TransferFailure> Failures => [.. _failures.OrderBy(f => f.Hash, StringComparer.Ordinal)];

    /// <summary>What was left out without failing (e.g. objects missing from the local cache on push), one line each, sorted.</summary>
    public IReadOnlyList<string> Warnings => [.. _warnings.Order(StringComparer.Ordinal)];

    /// <summary>True when nothing failed (warnings allowed).</summary>
    public bool Succeeded => _failures.IsEmpty;

    /// <summary>A printable summary: one line of counts, then one line per failure.</summary>
    public string Summary()
    {
        var verb = direction == "push" ? "pushed" : "pulled";
        var sb = new StringBuilder($"{direction} {remote}: {_transferred} {verb}, {_skipped} already there, {Failed} failed");
        if (direction == "pull") sb.Append($", {_checkedOut} outputs checked out");
        if (_runCacheEntries > 0) sb.Append($", {_runCacheEntries} run-cache entries");
        if (!_warnings.IsEmpty) sb.Append($", {_warnings.Count} warning(s)");
        sb.Append('\n');
        foreach (var failure in Failures) sb.Append("  failed ").Append(failure).Append('\n');
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Summary();

    internal void AddTransferred() => Interlocked.Increment(ref _transferred);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddCheckedOut() => Interlocked.Increment(ref _checkedOut);

    internal void AddRunCacheEntry() => Interlocked.Increment(ref _runCacheEntries);

    internal void AddFailure(TransferFailure failure) => _failures.Enqueue(failure);

    internal void AddWarning(string warning) => _warnings.Enqueue(warning);
}
