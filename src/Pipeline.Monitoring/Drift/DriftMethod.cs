namespace Pipeline.Monitoring.Drift;

/// <summary>A drift statistic. Wire names (report, CLI, params.yaml): ks, chi2, psi, js, wasserstein, domain_classifier.</summary>
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

    /// <summary>
    /// Text: the held-out ROC AUC of a classifier telling current from reference texts (<see cref="TextDomainClassifier"/>);
    /// drift when AUC >= the larger of the threshold and 0.5 plus <see cref="DriftOptions.TextMarginSds"/> of its null spread.
    /// </summary>
    DomainClassifier,
}
