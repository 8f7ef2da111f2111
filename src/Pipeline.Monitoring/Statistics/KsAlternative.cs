namespace Pipeline.Monitoring.Statistics;

/// <summary>The alternative hypothesis of a two-sample Kolmogorov-Smirnov test (SciPy's <c>alternative</c>).</summary>
public enum KsAlternative
{
    /// <summary>The two distributions differ (statistic max |F1 - F2|).</summary>
    TwoSided,

    /// <summary>The first sample's CDF lies below the second's somewhere (statistic max(F2 - F1)).</summary>
    Less,

    /// <summary>The first sample's CDF lies above the second's somewhere (statistic max(F1 - F2)).</summary>
    Greater,
}
