namespace Pipeline.Monitoring.Performance;

/// <summary>
/// DDM (Gama et al., 2004) over a stream of prediction errors (true = wrong): with p the error rate and
/// s = sqrt(p(1-p)/n), warning when p + s >= p_min + 2 s_min, drift when p + s >= p_min + 3 s_min. Resets on drift.
/// </summary>
internal sealed class DriftDetectionMethod
{
    private readonly int _minimumInstances;
    private readonly double _warningLevel;
    private readonly double _driftLevel;
    private long _errors;
    private double _minP;
    private double _minS;

    /// <summary>Creates a detector (defaults from the paper: 30 warm-up values, 2 and 3 standard deviations).</summary>
    public DriftDetectionMethod(int minimumInstances = 30, double warningLevel = 2.0, double driftLevel = 3.0)
    {
        if (minimumInstances < 1 || warningLevel <= 0 || driftLevel < warningLevel)
        {
            throw new ArgumentException("DDM needs minimumInstances >= 1 and 0 < warningLevel <= driftLevel.");
        }

        (_minimumInstances, _warningLevel, _driftLevel) = (minimumInstances, warningLevel, driftLevel);
        Reset();
    }

    /// <summary>Observations since the last reset.</summary>
    public long Count { get; private set; }

    /// <summary>The largest (p + s - p_min) / s_min reached after warm-up, over the drift level (1 or more: a drift).</summary>
    public double MaxLevel { get; private set; }

    /// <summary>Number of drifts detected so far.</summary>
    public int Detections { get; private set; }

    /// <summary>Adds one prediction outcome (true = the prediction was wrong).</summary>
    public DetectorState Add(bool error)
    {
        Count++;
        if (error) _errors++;
        var p = _errors / (double)Count;
        var s = Math.Sqrt(p * (1 - p) / Count);
        if (Count < _minimumInstances)
        {
            return DetectorState.Stable;
        }

        if (p + s <= _minP + _minS)
        {
            (_minP, _minS) = (p, s);
        }

        if (_minS > 0) MaxLevel = Math.Max(MaxLevel, (p + s - _minP) / _minS / _driftLevel);
        if (p + s >= _minP + _driftLevel * _minS)
        {
            Detections++;
            Reset();
            return DetectorState.Drift;
        }

        return p + s >= _minP + _warningLevel * _minS ? DetectorState.Warning : DetectorState.Stable;
    }

    private void Reset()
    {
        Count = 0;
        _errors = 0;
        _minP = double.MaxValue;
        _minS = double.MaxValue;
    }
}
