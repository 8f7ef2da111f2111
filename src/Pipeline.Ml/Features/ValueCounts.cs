namespace Pipeline.Ml.Features;

/// <summary>
/// Exact value frequencies for the mode of a numeric input, capped at <see cref="MaxDistinct"/> distinct values so
/// memory stays bounded: a column with more distinct values is continuous, and its mode is then taken from a sample.
/// </summary>
internal sealed class ValueCounts
{
    /// <summary>Distinct values counted before giving up (10,000).</summary>
    public const int MaxDistinct = 10_000;

    private Dictionary<double, long>? counts = [];

    /// <summary>Counts one value.</summary>
    public void Add(double value)
    {
        if (counts is null) return;
        counts[value] = counts.GetValueOrDefault(value) + 1;
        if (counts.Count > MaxDistinct) counts = null;
    }

    /// <summary>The most frequent value (ties: the smallest), or null when the cap was exceeded or nothing was counted.</summary>
    public double? Mode() => counts is { Count: > 0 }
        ? counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key
        : null;

    /// <summary>The most frequent value of <paramref name="sorted"/> (ties: the smallest); NaN when empty.</summary>
    public static double ModeOf(List<double> sorted) =>
        sorted.Count == 0 ? double.NaN : sorted.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
}
