using System.Diagnostics;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A clock whose timers (e.g. <c>Task.Delay</c> with this provider) fire only when the test advances it.</summary>
internal sealed class ManualTimers : TimeProvider
{
    private readonly List<Timer> _timers = [];
    private TimeSpan _now;

    /// <summary>Timers started and not yet fired or stopped.</summary>
    public int Pending
    {
        get { lock (_timers) return _timers.Count(t => t.Due is not null); }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state);
        lock (_timers) _timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on and fires the timers that fall due.</summary>
    public void Advance(TimeSpan by)
    {
        List<Timer> due;
        lock (_timers)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due <= _now)];
            foreach (var t in due) t.Due = null;
        }
        foreach (var t in due) t.Fire();
    }

    /// <summary>Waits (at most a minute) until a timer has been started.</summary>
    public void WaitForPending()
    {
        var waited = Stopwatch.StartNew();
        while (Pending == 0)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("no timer was started in a minute");
            Thread.Sleep(10);
        }
    }

    private sealed class Timer(ManualTimers clock, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan? Due { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._timers) Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + dueTime;
            return true;
        }

        public void Dispose()
        {
            lock (clock._timers) Due = null;
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
