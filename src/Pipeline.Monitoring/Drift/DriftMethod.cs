namespace Pipeline.Monitoring.Drift;

/// <summary>A drift statistic. Wire names (report, CLI, params.yaml): ks, chi2, psi, js, wasserstein, kuiper, circular_wasserstein, text.</summary>
public enum DriftMethod
{
    /// <summary>Two-sample Kolmogorov-Smirnov test (numeric); drift when p &lt; threshold.</summary>
    Ks,

    /// <summary>Chi-square test of the reference-vs-current contingency table; drift when p &lt; threshold.</summary>
    ChiSquare,

    /// <summary>Population stability index; drift when PSI >= threshold.</summary>
    Psi,

    /// <summary>Jensen-Shannon distance (natural log by default); drift when distance >= threshold.</summary>
    JensenShannon,

    /// <summary>Wasserstein distance divided by the reference standard deviation (numeric); drift when >= threshold.</summary>
    Wasserstein,

    /// <summary>Kuiper's two-sample test on a cyclic column (hour of day): KS made independent of where the circle is cut; drift when p &lt; threshold.</summary>
    Kuiper,

    /// <summary>Wasserstein distance round the circle divided by the reference's circular standard deviation (cyclic column); drift when >= threshold.</summary>
    CircularWasserstein,

    /// <summary>Jensen-Shannon distance between the token shares of a free-text column; drift when >= threshold.</summary>
    Text,
}
