namespace Pipeline.Monitoring.Statistics;

/// <summary>How the p-value of a two-sample Kolmogorov-Smirnov test is computed (SciPy's <c>method</c>).</summary>
public enum KsMethod
{
    /// <summary>Exact when both samples have at most 10,000 values, asymptotic otherwise (SciPy's default).</summary>
    Auto,

    /// <summary>The exact distribution; falls back to asymptotic where SciPy does (overflow, huge lcm).</summary>
    Exact,

    /// <summary>The asymptotic distribution (one-sample Kolmogorov of size round(mn/(m+n)), or Hodges for one side).</summary>
    Asymptotic,
}
