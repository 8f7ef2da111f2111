using System.Globalization;
using Pipeline.Engine.IO;

namespace Pipeline.Engine.Execution;

/// <summary>
/// Where a run's progress goes: each target's start and end and the <see cref="TargetProgress"/> its actions report,
/// with the elapsed time and a remaining estimate from the injected clock. On a terminal (<paramref name="interactive"/>)
/// a report rewrites one progress line; otherwise it is a plain line, at most one per <see cref="PlainInterval"/> per
/// target unless it is a finished step or the last unit. With <paramref name="liveFile"/> the whole run's state is
/// written there (<see cref="LiveRun"/>) on every change of status or step, other reports at most once per
/// <see cref="FileInterval"/>, and deleted by <see cref="End"/>.
/// </summary>
internal sealed class RunProgress(RunConsole console, TimeProvider clock, string? liveFile, bool interactive)
{
    /// <summary>The least time between two plain progress lines of one target (redirected output, CI logs).</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two writes of the live file for reports that finish no step (rows read).</summary>
    public static readonly TimeSpan FileInterval = TimeSpan.FromSeconds(1);

    private const int StepsKept = 100;
    private readonly Lock _gate = new();
    private readonly List<Entry> _targets = [];
    private DateTimeOffset _started;
    private long? _lastWrite;
    private bool _fileFailed;

    /// <summary>Starts the record with every planned target pending.</summary>
    public void Begin(IEnumerable<string> targets)
    {
        lock (_gate)
        {
            _started = clock.GetUtcNow();
            foreach (var name in targets) EntryOf(name);
            WriteFile(force: true);
        }
    }

    /// <summary>A target's actions start.</summary>
    public void Started(string target, string reason)
    {
        lock (_gate)
        {
            var entry = EntryOf(target);
            (entry.Status, entry.Reason, entry.StartedAt) = (LiveRun.Running, reason, clock.GetTimestamp());
            WriteFile(force: true);
        }
    }

    /// <summary>A running target says how far it is.</summary>
    public void Report(string target, TargetProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            var entry = EntryOf(target);
            var now = clock.GetTimestamp();
            entry.StartedAt ??= now;
            entry.Last = progress;
            if (progress.Step is { } step)
            {
                entry.Steps.Add(step);
                if (entry.Steps.Count > StepsKept) entry.Steps.RemoveAt(0);
            }
            var elapsed = clock.GetElapsedTime(entry.StartedAt.Value, now);
            var text = Describe(target, progress, elapsed, Remaining(progress, elapsed));
            if (interactive)
            {
                console.ShowProgress(text);
            }
            else if (entry.LastLine is not { } last || progress.Step is not null || progress.Done == progress.Total || clock.GetElapsedTime(last, now) >= PlainInterval)
            {
                console.Line(text);
                entry.LastLine = now;
            }
            WriteFile(force: progress.Step is not null);
        }
    }

    /// <summary>A target has its result (run, skipped, restored, failed or not run).</summary>
    public void Finished(TargetResult result)
    {
        lock (_gate)
        {
            var entry = EntryOf(result.Name);
            (entry.Status, entry.Reason, entry.Duration) = (TargetStatusText.Of(result.Status), result.Reason, result.Duration);
            if (interactive && entry.Last is not null) console.ClearProgress();
            WriteFile(force: true);
        }
    }

    /// <summary>The run is over: the live record goes (run.json holds the result).</summary>
    public void End()
    {
        if (liveFile is null) return;
        try
        {
            File.Delete(liveFile);
        }
        catch (Exception e) when (IoFailure.IsEnvironmental(e))
        {
            console.Line($"WRN: could not delete {liveFile}: {IoFailure.Explain(e)}");
        }
    }

    /// <summary>The run's state now, as the live file records it.</summary>
    public LiveRunState Snapshot()
    {
        lock (_gate) return SnapshotLocked();
    }

    private LiveRunState SnapshotLocked()
    {
        {
            var now = clock.GetTimestamp();
            return new LiveRunState(Environment.ProcessId, _started, clock.GetUtcNow(), _targets.Select(e =>
            {
                var elapsed = e.Duration ?? (e.StartedAt is { } s ? clock.GetElapsedTime(s, now) : TimeSpan.Zero);
                var progress = e.Last is { } p
                    ? new LiveProgress(p.Done, p.Total, p.Unit, FractionOf(p), p.Best, e.Duration is null && Remaining(p, elapsed) is { } left ? (long)left.TotalMilliseconds : null)
                    : null;
                return new LiveTargetState(e.Name, e.Status, (long)elapsed.TotalMilliseconds, e.Reason, progress, e.Steps.ToList());
            }).ToList());
        }
    }

    /// <summary>The progress line: <c>Train: 5/16 trials (31%) · best auc 0.9123 (…) · 1 min 02 s elapsed · ~2 min 10 s left</c>.</summary>
    public static string Describe(string target, TargetProgress progress, TimeSpan elapsed, TimeSpan? remaining)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var parts = new List<string>
        {
            progress.Total is { } total
                ? $"{target}: {progress.Done.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} {progress.Unit} ({FractionOf(progress)!.Value.ToString("0%", CultureInfo.InvariantCulture)})"
                : $"{target}: {progress.Done.ToString(CultureInfo.InvariantCulture)} {progress.Unit}",
        };
        if (progress.Best is { } best) parts.Add($"best {best}");
        parts.Add($"{Span(elapsed)} elapsed");
        if (remaining is { } left) parts.Add($"~{Span(left)} left");
        return string.Join(" · ", parts);
    }

    /// <summary>A linear estimate from the share done so far; null before any work is done or without a total.</summary>
    public static TimeSpan? Remaining(TargetProgress progress, TimeSpan elapsed) =>
        FractionOf(progress) is { } f and > 0 and < 1 ? TimeSpan.FromMilliseconds(Math.Round(elapsed.TotalMilliseconds * (1 - f) / f)) : null;

    /// <summary>A duration as a person reads it: <c>42 s</c>, <c>3 min 05 s</c>, <c>1 h 02 min</c>.</summary>
    public static string Span(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes:00} min")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.Minutes} min {t.Seconds:00} s") : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds} s");

    private static double? FractionOf(TargetProgress p) =>
        p.Fraction is { } f ? Math.Clamp(f, 0, 1) : p.Total is > 0 and { } total ? Math.Clamp((double)p.Done / total, 0, 1) : null;

    private Entry EntryOf(string name)
    {
        if (_targets.FirstOrDefault(e => e.Name == name) is { } found) return found;
        var entry = new Entry(name);
        _targets.Add(entry);
        return entry;
    }

    private void WriteFile(bool force)
    {
        if (liveFile is null || _fileFailed) return;
        var now = clock.GetTimestamp();
        if (!force && _lastWrite is { } last && clock.GetElapsedTime(last, now) < FileInterval) return;
        _lastWrite = now;
        try
        {
            LiveRun.Write(liveFile, SnapshotLocked());
        }
        catch (Exception e) when (IoFailure.IsEnvironmental(e))
        {
            // NOTE: the live record is for watching only; a run does not fail for it, and warns once.
            _fileFailed = true;
            console.Line($"WRN: could not write {liveFile} (the web UI will not show this run live): {IoFailure.Explain(e)}");
        }
    }

    private sealed class Entry(string name)
    {
        public string Name { get; } = name;
        public string Status { get; set; } = LiveRun.Pending;
        public string? Reason { get; set; }
        public long? StartedAt { get; set; }
        public TimeSpan? Duration { get; set; }
        public TargetProgress? Last { get; set; }
        public List<string> Steps { get; } = [];
        public long? LastLine { get; set; }
    }
}
