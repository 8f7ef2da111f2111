namespace Pipeline.Ml.Features;

/// <summary>
/// Exact value frequencies for the mode of a numeric input, capped at a number of distinct values (<see cref="MaxDistinct"/>,
/// less in wide tables) so memory stays bounded: a column with more distinct values is continuous, and its mode is then
/// taken from a sample.
/// </summary>
internal sealed class ValueCounts(int maxDistinct = ValueCounts.MaxDistinct)
{
    /// <summary>Distinct values counted before giving up (10,000).</summary>
    public const int MaxDistinct = 10_000;

    /// <summary>The cap for each of <paramref name="columns"/> inputs counted together: 1,000,000 distinct values shared, 100 to <see cref="MaxDistinct"/> each.</summary>
    public static int MaxDistinctFor(int columns) => Math.Clamp(1_000_000 / Math.Max(1, columns), 100, MaxDistinct);

    private Dictionary<double, long>? counts = [];

    /// <summary>Counts one value.</summary>
    public void Add(double value)
    {
        if (counts is null) return;
        counts[value] = counts.GetValueOrDefault(value) + 1;
        if (counts.Count > maxDistinct) counts = null;
    }

    /// <summary>Adds the counts of <paramref name="other"/> (of other rows); over the cap either way, it gives up.</summary>
    public void Merge(ValueCounts other)
    {
        if (counts is null) return;
        if (other.counts is null) { counts = null; return; }
        foreach (var (value, count) in other.counts) counts[value] = counts.GetValueOrDefault(value) + count;
        if (counts.Count > maxDistinct) counts = null;
    }

    /// <summary>The most frequent value (ties: the smallest), or null when the cap was exceeded or nothing was counted.</summary>
    public double? Mode() => counts is { Count: > 0 }
        ? counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key
        : null;

    /// <summary>The most frequent value of <paramref name="sorted"/> (ties: the smallest); NaN when empty.</summary>
    public static double ModeOf(List<double> sorted) =>
        sorted.Count == 0 ? double.NaN : sorted.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
}
