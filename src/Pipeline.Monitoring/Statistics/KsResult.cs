namespace Pipeline.Monitoring.Statistics;

/// <summary>Result of <see cref="KolmogorovSmirnov.TwoSample"/>, field for field SciPy's <c>KstestResult</c>.</summary>
/// <param name="Statistic">The KS statistic D (for the exact method, h / lcm(n1, n2) as SciPy reports it).</param>
/// <param name="PValue">The p-value, clipped to [0, 1].</param>
/// <param name="StatisticLocation">The value at which D is attained.</param>
/// <param name="StatisticSign">+1 when F1 - F2 is maximal there, -1 when F2 - F1 is.</param>
/// <param name="MethodUsed">The method that produced the p-value (Auto is resolved; a failed exact attempt reads Asymptotic).</param>
public sealed record KsResult(double Statistic, double PValue, double StatisticLocation, int StatisticSign, KsMethod MethodUsed);
