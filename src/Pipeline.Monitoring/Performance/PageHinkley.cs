namespace Pipeline.Monitoring.Performance;

/// <summary>
/// Page-Hinkley test for an increase in the mean of a stream (e.g. per-prediction error or loss):
/// m_t = alpha m_{t-1} + (x_t - mean_t - delta); alarm when m_t - min m > lambda. Resets after an alarm.
/// </summary>
internal sealed class PageHinkley
{
    private readonly double _delta;
    private readonly double _lambda;
    private readonly double _alpha;
    private readonly int _minimumInstances;
    private double _mean;
    private double _sum;
    private double _minimum;

    /// <summary>Creates a detector (defaults as in river: delta 0.005, lambda 50, alpha 0.9999, 30 warm-up values).</summary>
    public PageHinkley(double delta = 0.005, double lambda = 50, double alpha = 1 - 0.0001, int minimumInstances = 30)
    {
        if (delta < 0 || lambda <= 0 || alpha is <= 0 or > 1 || minimumInstances < 1)
        {
            throw new ArgumentException("Page-Hinkley needs delta >= 0, lambda > 0, 0 < alpha <= 1 and minimumInstances >= 1.");
        }

        (_delta, _lambda, _alpha, _minimumInstances) = (delta, lambda, alpha, minimumInstances);
        Reset();
    }

    /// <summary>Values seen since the last reset.</summary>
    public long Count { get; private set; }

    /// <summary>The largest m_t - min m reached after warm-up, over lambda (1 or more: an alarm).</summary>
    public double MaxLevel { get; private set; }

    /// <summary>Number of alarms raised so far.</summary>
    public int Detections { get; private set; }

    /// <summary>Adds one value; returns <see cref="DetectorState.Drift"/> when the mean has increased.</summary>
    public DetectorState Add(double value)
    {
        Count++;
        _mean += (value - _mean) / Count;
        _sum = _alpha * _sum + (value - _mean - _delta);
        _minimum = Math.Min(_minimum, _sum);
        if (Count >= _minimumInstances) MaxLevel = Math.Max(MaxLevel, (_sum - _minimum) / _lambda);
        if (Count < _minimumInstances || _sum - _minimum <= _lambda)
        {
            return DetectorState.Stable;
        }

        Detections++;
        Reset();
        return DetectorState.Drift;
    }

    private void Reset()
    {
        Count = 0;
        _mean = 0;
        _sum = 0;
        _minimum = double.MaxValue;
    }
}
