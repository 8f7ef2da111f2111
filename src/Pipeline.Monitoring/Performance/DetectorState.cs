namespace Pipeline.Monitoring.Performance;

/// <summary>What a sequential drift detector says after an observation.</summary>
internal enum DetectorState
{
    /// <summary>No evidence of change.</summary>
    Stable,

    /// <summary>Change is becoming likely (DDM's warning level); start collecting fresh labelled data.</summary>
    Warning,

    /// <summary>Change detected; the detector has reset itself.</summary>
    Drift,
}
