namespace Pipeline.Ml.Features;

/// <summary>How categorical and boolean columns are encoded (<c>featurize.encoding</c>).</summary>
public enum CategoricalEncoding
{
    /// <summary>One slot per train category (<c>onehot</c>, the default).</summary>
    OneHot,
    /// <summary>One slot per hash bucket, 2^<c>featurize.hash_bits</c> buckets (<c>hashing</c>).</summary>
    Hashing,
}
