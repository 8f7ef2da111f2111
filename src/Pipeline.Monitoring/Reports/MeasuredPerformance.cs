using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Reports;

/// <summary>Performance measured on feedback-labelled predictions.</summary>
/// <param name="Count">Labelled predictions that could be scored.</param>
/// <param name="Accuracy">Share of correct predictions.</param>
/// <param name="AccuracyInterval">95% Wilson interval of the accuracy.</param>
/// <param name="Auc">ROC AUC of the logged probabilities (null for too few labels per class or no probabilities).</param>
/// <param name="AucInterval">95% interval of the AUC (Hanley-McNeil standard error), when the AUC is known.</param>
public sealed record MeasuredPerformance(int Count, double Accuracy, WilsonInterval AccuracyInterval, double? Auc, WilsonInterval? AucInterval)
{
    /// <summary>1 - accuracy.</summary>
    public double ErrorRate => 1 - Accuracy;
}
