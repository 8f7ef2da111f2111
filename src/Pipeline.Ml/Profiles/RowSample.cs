using Pipeline.Formats.Profiles;
namespace Pipeline.Ml.Profiles;

/// <summary>
/// A seeded uniform sample of rows: the <see cref="ProfileSample.Capacity"/> rows whose index has the smallest seeded
/// hash (<see cref="BottomK{T}"/>), so row ranges sampled apart merge into the same sample as one pass.
/// </summary>
internal sealed class RowSample(IReadOnlyList<string> columns, int seed = ProfileSample.DefaultSeed, int capacity = ProfileSample.Capacity)
{
    private readonly BottomK<(long Index, PackedRow Row)> rows = new(capacity);

    /// <summary>The key of row <paramref name="index"/> (0-based, in file order).</summary>
    public ulong Key(long index) => BottomK<(long, PackedRow)>.Key(seed, index);

    /// <summary>Rows whose key is at or above this are not kept: pack a row only when its key is below.</summary>
    public ulong Threshold => rows.Threshold;

    /// <summary>Offers row <paramref name="index"/> (packed) with its <see cref="Key"/>.</summary>
    public void Offer(ulong key, long index, PackedRow row) => rows.Offer(key, (index, row));

    /// <summary>The sample, rows in the order they were read.</summary>
    public ProfileSample ToSample()
    {
        var kept = rows.Kept().ToArray();
        Array.Sort(kept, (a, b) => a.Index.CompareTo(b.Index));
        return new(seed, columns, [.. kept.Select(r => (IReadOnlyList<string?>)r.Row)]);
    }
}
