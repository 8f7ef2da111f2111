namespace Pipeline.Ml.Features;

/// <summary>How missing numeric values are filled (<c>featurize.imputation</c>), with statistics from the train split.</summary>
public enum ImputationStrategy
{
    /// <summary>The train mean (<c>mean</c>, the default).</summary>
    Mean,
    /// <summary>The train median (<c>median</c>).</summary>
    Median,
    /// <summary>The most frequent train value (<c>most_frequent</c>).</summary>
    MostFrequent,
    /// <summary><c>featurize.constant_value</c> (<c>constant</c>).</summary>
    Constant,
}
