namespace Pipeline.Ml.Features;

/// <summary>
/// How numeric outliers are clipped (<c>featurize.outliers</c>; bounds from the train split). Missing values are filled
/// first; a column whose bounds coincide (no spread, e.g. Q1 = Q3) is not clipped, as that would make it constant.
/// </summary>
public enum OutlierStrategy
{
    /// <summary>No clipping (<c>none</c>, the default).</summary>
    None,
    /// <summary>Clip to [Q1 − k·IQR, Q3 + k·IQR] (<c>iqr</c>, k = <c>featurize.outlier_factor</c>, default 1.5).</summary>
    Iqr,
    /// <summary>Clip to mean ± k·std (<c>zscore</c>, k = <c>featurize.outlier_factor</c>, default 3).</summary>
    ZScore,
}
