namespace Pipeline.Monitoring.Drift;

/// <summary>The drift verdict for one column.</summary>
public sealed record ColumnDrift
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>The method used (or that would have been used, for insufficient data).</summary>
    public required DriftMethod Method { get; init; }

    /// <summary>Test statistic (KS D, chi-square) or distance (PSI, JS, normalised Wasserstein); null only when a side has no value.</summary>
    public double? Statistic { get; init; }

    /// <summary>p-value for tests; null for distances and when a side has no value.</summary>
    public double? PValue { get; init; }

    /// <summary>True when the column drifted (never for insufficient data).</summary>
    public bool Drift { get; init; }

    /// <summary>The threshold the verdict used (a p-value for tests, a distance otherwise).</summary>
    public required double Threshold { get; init; }

    /// <summary>Effect size, independent of sample size: KS D, Cramér's V, normalised Wasserstein, PSI or JS distance.</summary>
    public double? EffectSize { get; init; }

    /// <summary>What <see cref="EffectSize"/> measures ("ks_statistic", "cramers_v", "wasserstein_normed", "psi", "js_distance").</summary>
    public string? EffectSizeMeasure { get; init; }

    /// <summary>Rank among drifted columns by feature importance (1 = most important); null when not drifted or no importances.</summary>
    public int? ImportanceRank { get; init; }

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
