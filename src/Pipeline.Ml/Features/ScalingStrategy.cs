namespace Pipeline.Ml.Features;

/// <summary>How the numeric block is scaled (<c>featurize.scaling</c>), fitted on the train split.</summary>
public enum ScalingStrategy
{
    /// <summary>No scaling (<c>none</c>).</summary>
    None,
    /// <summary>To [0, 1] by train min/max (<c>minmax</c>, the default).</summary>
    MinMax,
    /// <summary>To zero mean, unit variance (<c>zscore</c>).</summary>
    ZScore,
    /// <summary>By median and interquartile range (<c>robust</c>).</summary>
    Robust,
}
