namespace Pipeline.Monitoring.Statistics;

/// <summary>Result of a chi-square test.</summary>
/// <param name="Statistic">Pearson's chi-square statistic (after Yates' correction when it applied).</param>
/// <param name="PValue">Upper tail of the chi-square distribution at the statistic.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the reference distribution.</param>
/// <param name="Expected">Expected frequencies (rows x columns for a contingency table, one row for goodness of fit).</param>
/// <param name="CramersV">Cramér's V from the uncorrected statistic (contingency only; NaN for goodness of fit).</param>
internal sealed record ChiSquareResult(double Statistic, double PValue, int DegreesOfFreedom, double[][] Expected, double CramersV);
