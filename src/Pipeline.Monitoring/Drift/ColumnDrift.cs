namespace Pipeline.Monitoring.Drift;

/// <summary>The drift verdict for one column.</summary>
public sealed record ColumnDrift
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>The method used (or that would have been used, for insufficient data).</summary>
    public required DriftMethod Method { get; init; }

    /// <summary>Test statistic (KS D, chi-square), distance (PSI, JS, normalised Wasserstein) or held-out ROC AUC (domain classifier); null only when a side has no value.</summary>
    public double? Statistic { get; init; }

    /// <summary>p-value for tests and the domain classifier (one-sided, AUC above 0.5); null for distances and when a side has no value.</summary>
    public double? PValue { get; init; }

    /// <summary>True when the column drifted (never for insufficient data).</summary>
    public bool Drift { get; init; }

    /// <summary>The threshold the verdict used (a p-value for tests, a distance, or the AUC for the domain classifier, raised by its margin).</summary>
    public required double Threshold { get; init; }

    /// <summary>Effect size, independent of sample size: KS D, Cramér's V, normalised Wasserstein, PSI or JS distance.</summary>
    public double? EffectSize { get; init; }

    /// <summary>What <see cref="EffectSize"/> measures ("ks_statistic", "cramers_v", "wasserstein_normed", "psi", "js_distance", "roc_auc").</summary>
    public string? EffectSizeMeasure { get; init; }

    /// <summary>Rank among drifted columns by feature importance (1 = most important); null when not drifted or no importances.</summary>
    public int? ImportanceRank { get; init; }

    /// <summary>The period of a cyclic numeric column, compared on the circle (24 for an hour of day); null otherwise.</summary>
    public double? Period { get; init; }

    /// <summary>Present (non-missing) values in the reference.</summary>
    public required int ReferenceSize { get; init; }

    /// <summary>Present (non-missing) values in the current data.</summary>
    public required int CurrentSize { get; init; }

    /// <summary>
    /// True when either side has fewer values than the minimum sample size: the statistic and p-value are reported (when
    /// both sides have a value) for a person to judge, but <see cref="Drift"/> stays false and the column is left out of
    /// the drift share.
    /// </summary>
    public bool InsufficientData { get; init; }
}
