namespace Pipeline.Monitoring.Drift;

/// <summary>Per-column overrides of the drift method and threshold.</summary>
/// <param name="Method">The method for this column (null = chosen by kind and size).</param>
/// <param name="Threshold">The threshold for this column (null = the method's default from <see cref="DriftOptions"/>).</param>
public sealed record ColumnDriftOptions(DriftMethod? Method = null, double? Threshold = null);
