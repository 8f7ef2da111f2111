namespace Pipeline.Monitoring.Drift;

/// <summary>Per-column overrides of the drift method and threshold, and the period of a cyclic column.</summary>
/// <param name="Method">The method for this column (null = chosen by kind and size).</param>
/// <param name="Threshold">The threshold for this column (null = the method's default from <see cref="DriftOptions"/>).</param>
public sealed record ColumnDriftOptions(DriftMethod? Method = null, double? Threshold = null)
{
    /// <summary>
    /// The cycle of a numeric column (24 for an hour of day) compared on the circle; 0 = not cyclic; null = decided by
    /// <see cref="Pipeline.Formats.Columns.CyclicPeriod"/> from the name and the reference's range.
    /// </summary>
    public double? Period { get; init; }
}
