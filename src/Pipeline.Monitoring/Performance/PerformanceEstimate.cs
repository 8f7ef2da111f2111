namespace Pipeline.Monitoring.Performance;

/// <summary>
/// Performance expected from calibrated scores without labels (confidence-based estimation).
/// It is an estimate: valid only while the model stays calibrated on the current data (no concept drift).
/// </summary>
/// <param name="Count">Predictions the estimate is based on.</param>
/// <param name="Accuracy">Expected accuracy.</param>
/// <param name="Precision">Expected precision of the positive class (NaN when nothing is predicted positive).</param>
/// <param name="Recall">Expected recall of the positive class (NaN when no positives are expected).</param>
/// <param name="F1">Expected F1 from the expected confusion matrix.</param>
public sealed record PerformanceEstimate(int Count, double Accuracy, double Precision, double Recall, double F1)
{
    /// <summary>Always true; reports label this as an estimate, not a measurement.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Part of the record's shape beside the measured performance, read as a property.")]
    public bool IsEstimate => true;
}
