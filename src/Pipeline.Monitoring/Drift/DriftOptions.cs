namespace Pipeline.Monitoring.Drift;

/// <summary>
/// Settings of <see cref="DriftAnalyzer"/>. Defaults follow Evidently: KS / chi-square (p &lt; 0.05) for
/// references of at most 1000 values, Wasserstein (normalised) / Jensen-Shannon at 0.1 above that, and a domain
/// classifier (held-out ROC AUC >= 0.55) for free text.
/// </summary>
public sealed record DriftOptions
{
    /// <summary>One method for every column that supports it (CLI <c>--method</c>); null = choose per column.</summary>
    public DriftMethod? ForcedMethod { get; init; }

    /// <summary>Per-column method and threshold overrides, by column name.</summary>
    public IReadOnlyDictionary<string, ColumnDriftOptions> Columns { get; init; } = new Dictionary<string, ColumnDriftOptions>();

    /// <summary>Reference sizes up to this use tests (KS, chi-square); larger ones use distances.</summary>
    public int LargeReferenceSize { get; init; } = 1000;

    /// <summary>Below this many present values in either dataset a column reports "insufficient data".</summary>
    public int MinimumSampleSize { get; init; } = 30;

    /// <summary>Dataset drift when the share of drifted columns is at least this.</summary>
    public double DatasetDriftShare { get; init; } = 0.5;

    /// <summary>Default p-value threshold for KS.</summary>
    public double KsThreshold { get; init; } = 0.05;

    /// <summary>Default p-value threshold for chi-square.</summary>
    public double ChiSquareThreshold { get; init; } = 0.05;

    /// <summary>Default PSI threshold.</summary>
    public double PsiThreshold { get; init; } = 0.1;

    /// <summary>Default Jensen-Shannon distance threshold.</summary>
    public double JensenShannonThreshold { get; init; } = 0.1;

    /// <summary>Default threshold on the Wasserstein distance divided by the reference standard deviation.</summary>
    public double WassersteinThreshold { get; init; } = 0.1;

    /// <summary>Default held-out ROC AUC from which a text column drifts (the domain classifier).</summary>
    public double TextThreshold { get; init; } = 0.55;

    /// <summary>
    /// The domain classifier's AUC must also exceed 0.5 by this many of its standard deviations under no drift, so a
    /// small window (whose AUC is noisy) does not drift by chance.
    /// </summary>
    public double TextMarginSds { get; init; } = 3;

    /// <summary>The seed of the domain classifier's split into training and held-out texts.</summary>
    public int TextSeed { get; init; } = 15;

    /// <summary>Bins for numeric PSI (and for numeric chi-square / Jensen-Shannon, on the same reference quantiles).</summary>
    public int Bins { get; init; } = 10;

    /// <summary>Floor of a bin proportion in PSI.</summary>
    public double PsiEpsilon { get; init; } = 1e-4;

    /// <summary>Logarithm base of the Jensen-Shannon distance (null = natural log, as SciPy and Evidently).</summary>
    public double? JensenShannonBase { get; init; }

    /// <summary>Feature importance by column name; drifted columns are ranked by it (highest = rank 1).</summary>
    public IReadOnlyDictionary<string, double>? FeatureImportance { get; init; }

    /// <summary>The default threshold of a method.</summary>
    public double DefaultThreshold(DriftMethod method) => method switch
    {
        DriftMethod.Ks => KsThreshold,
        DriftMethod.ChiSquare => ChiSquareThreshold,
        DriftMethod.Psi => PsiThreshold,
        DriftMethod.JensenShannon => JensenShannonThreshold,
        DriftMethod.DomainClassifier => TextThreshold,
        _ => WassersteinThreshold,
    };
}
