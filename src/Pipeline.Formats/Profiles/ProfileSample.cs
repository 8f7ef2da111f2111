namespace Pipeline.Formats.Profiles;

/// <summary>
/// A seeded uniform sample of the profiled rows with their raw values (text included), in <see cref="Columns"/> order:
/// what drift monitoring compares served traffic with, so Monitor needs only the registered profile, not train.csv.
/// </summary>
/// <param name="Seed">The seed of the row keys: the sample is the rows of smallest seeded hash of their index.</param>
/// <param name="Columns">The column names, in schema order.</param>
/// <param name="Rows">The sampled rows in the order they were read; null is a missing value.</param>
public sealed record ProfileSample(int Seed, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    /// <summary>Rows kept at most: 5,000, enough for a drift statistic's own noise to be small against a window's.</summary>
    public const int Capacity = 5_000;

    /// <summary>The fixed seed, so the same rows give the same sample.</summary>
    public const int DefaultSeed = 15;
}
