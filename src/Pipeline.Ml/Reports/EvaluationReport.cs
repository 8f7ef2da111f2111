using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Formats.Csv;
using Pipeline.Formats.IO;

namespace Pipeline.Ml.Reports;

/// <summary>
/// Writes the evaluation plots under reports/ (binary: roc.png, pr.png, calibration.png, and the ROC, PR and calibration
/// curves' points as roc.csv, pr.csv and calibration.csv; regression: predicted_vs_actual.png, with the binned
/// predicted-vs-actual points as predicted_vs_actual.csv and the error characteristic of the residuals as residuals.csv;
/// the UI overlays each CSV across runs;
/// classification: confusion_matrix.png; all: feature_importance.png) and reports/evaluation.html embedding them as
/// data URIs.
/// </summary>
internal static class EvaluationReport
{
    /// <summary>The HTML report's file name.</summary>
    public const string HtmlFile = "evaluation.html";

    /// <summary>Renders and writes every plot and the HTML report; returns the plots by file name.</summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Write(string directory, EvaluationResult result, PredictionSet predictions)
    {
        var plots = Plots(result, predictions);
        foreach (var (name, png) in plots)
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, name), png);
        }

        if (result.Task == MlTask.Binary)
        {
            WriteCurve(Path.Combine(directory, "roc.csv"), ["fpr", "tpr"], Curves.Roc(predictions.Labels, predictions.Scores));
            WriteCurve(Path.Combine(directory, "pr.csv"), ["recall", "precision"], Curves.PrecisionRecall(predictions.Labels, predictions.Scores));
            WriteCurve(Path.Combine(directory, "calibration.csv"), ["mean_predicted", "observed_rate"], Curves.Calibration(predictions.Labels, predictions.Scores));
        }

        if (result.Task == MlTask.Regression)
        {
            WriteCurve(Path.Combine(directory, "predicted_vs_actual.csv"), ["mean_predicted", "mean_actual"], Curves.BinnedPredictedVsActual(predictions.Labels, predictions.Scores));
            WriteCurve(Path.Combine(directory, "residuals.csv"), ["abs_error", "share_within"], Curves.ErrorCharacteristic(predictions.Labels, predictions.Scores));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, HtmlFile), HtmlReport.Render(result, plots));
        return plots;
    }

    /// <summary>A curve's points as a two-column CSV (the DVC plots format), numbers rounded as every CSV output is.</summary>
    private static void WriteCurve(string path, string[] header, (double[] X, double[] Y) curve)
    {
        using var writer = new CsvSnapshotWriter(path, header);
        for (var i = 0; i < curve.X.Length; i++)
        {
            writer.WriteRow([RoundedNumber.Csv(curve.X[i]), RoundedNumber.Csv(curve.Y[i])]);
        }

        writer.Complete();
    }

    private static List<KeyValuePair<string, byte[]>> Plots(EvaluationResult result, PredictionSet p)
    {
        var plots = new List<KeyValuePair<string, byte[]>>();
        void Add(string name, byte[] png) => plots.Add(KeyValuePair.Create(name, png));
        if (result.Task == MlTask.Binary)
        {
            Add("roc.png", PlotRenderer.Curve($"ROC (AUC {result[MetricNames.Auc]:0.000})", "false positive rate", "true positive rate", Curves.Roc(p.Labels, p.Scores), diagonal: true));
            Add("pr.png", PlotRenderer.Curve($"Precision-recall (AP {result[MetricNames.PrAuc]:0.000})", "recall", "precision", Curves.PrecisionRecall(p.Labels, p.Scores), diagonal: false));
            Add("calibration.png", PlotRenderer.Curve("Calibration (reliability diagram)", "mean predicted probability", "observed positive rate", Curves.Calibration(p.Labels, p.Scores), diagonal: true, markers: true));
        }

        if (result.Task == MlTask.Regression)
        {
            Add("predicted_vs_actual.png", PlotRenderer.PredictedVsActual(p.Labels, p.Scores));
        }

        if (result.Confusion is { } confusion)
        {
            Add("confusion_matrix.png", PlotRenderer.Confusion(confusion));
        }

        Add("feature_importance.png", PlotRenderer.Importance(result.Importance, result.MainMetric));
        return plots;
    }
}
