namespace Pipeline.Ml.Evaluation;

/// <summary>A bootstrap estimate of a metric difference (candidate − production) with its confidence interval.</summary>
public sealed record BootstrapInterval(double Difference, double Low, double High, double Confidence, int Resamples, bool Significant);
