namespace Pipeline.Monitoring.Performance;

/// <summary>
/// A rate (e.g. accuracy of feedback-labelled predictions) over the last N outcomes, with its Wilson interval;
/// compare <see cref="Interval"/> with the evaluation baseline to decide degradation.
/// </summary>
internal sealed class RollingRate
{
    private readonly bool[] _window;
    private int _next;
    private long _hits;

    /// <summary>Creates a window of the given size.</summary>
    public RollingRate(int windowSize)
    {
        if (windowSize < 1) throw new ArgumentException($"Window size must be at least 1, got {windowSize}.");
        _window = new bool[windowSize];
    }

    /// <summary>Outcomes currently in the window.</summary>
    public int Count { get; private set; }

    /// <summary>The rate in the window (NaN when empty).</summary>
    public double Rate => Count == 0 ? double.NaN : _hits / (double)Count;

    /// <summary>95% Wilson interval of the rate.</summary>
    public WilsonInterval Interval => WilsonInterval.Of(_hits, Count);

    /// <summary>Adds one outcome, evicting the oldest when the window is full.</summary>
    public void Add(bool hit)
    {
        if (Count == _window.Length)
        {
            if (_window[_next]) _hits--;
        }
        else
        {
            Count++;
        }

        _window[_next] = hit;
        if (hit) _hits++;
        _next = (_next + 1) % _window.Length;
    }

    /// <summary>True when the whole interval lies below the baseline rate (a significant drop), given enough outcomes.</summary>
    public bool IsBelow(double baseline, int minimumCount) => Count >= minimumCount && Interval.Upper < baseline;
}
