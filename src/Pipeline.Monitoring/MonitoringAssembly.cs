namespace Pipeline.Monitoring;

/// <summary>Marker for the monitoring assembly (drift statistics, detectors, reports).</summary>
internal static class MonitoringAssembly;
