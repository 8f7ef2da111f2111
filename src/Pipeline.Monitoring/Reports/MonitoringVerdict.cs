namespace Pipeline.Monitoring.Reports;

/// <summary>The overall verdict of a monitoring report (wire names: healthy, degraded, drifted, insufficient_data).</summary>
public enum MonitoringVerdict
{
    /// <summary>Enough data, no drift, performance at baseline.</summary>
    Healthy,

    /// <summary>Measured (or estimated) performance fell below the baseline, or a detector raised an alarm.</summary>
    Degraded,

    /// <summary>
    /// The input data drifted from the training reference, or the labelled base rate moved and the model's threshold is
    /// stale (label drift, <see cref="BaseRateCheck.Stale"/>); performance not (yet) shown to fall.
    /// </summary>
    Drifted,

    /// <summary>Too few predictions to judge; never an alarm.</summary>
    InsufficientData,
}
