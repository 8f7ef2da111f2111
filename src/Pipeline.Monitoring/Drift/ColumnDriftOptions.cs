namespace Pipeline.Monitoring.Drift;

/// <summary>Per-column overrides of the drift method and threshold, and of how the column is read.</summary>
/// <param name="Method">The method for this column (null = chosen by kind and size).</param>
/// <param name="Threshold">The threshold for this column (null = the method's default from <see cref="DriftOptions"/>).</param>
/// <param name="Period">
/// The cycle of a cyclic numeric column (24 for hour of day), compared round the circle; 0 = not cyclic; null = by name
/// (<see cref="DriftOptions.CyclicPeriods"/>).
/// </param>
/// <param name="Text">Whether a categorical column is free text (null = by its values, <see cref="DriftOptions.TextMinimumDistinct"/>).</param>
public sealed record ColumnDriftOptions(DriftMethod? Method = null, double? Threshold = null, double? Period = null, bool? Text = null);
