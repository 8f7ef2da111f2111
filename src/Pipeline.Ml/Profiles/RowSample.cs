using Pipeline.Formats.Profiles;
namespace Pipeline.Ml.Profiles;

/// <summary>A seeded reservoir sample (algorithm R) of rows: the first <see cref="ProfileSample.Capacity"/> rows, then each later row replaces a kept one with the right probability.</summary>
internal sealed class RowSample(IReadOnlyList<string> columns, int seed = ProfileSample.DefaultSeed, int capacity = ProfileSample.Capacity)
{
    private readonly List<(long Index, string?[] Row)> rows = [];
    private readonly Random random = new(seed);
    private long seen;

    /// <summary>Offers one row: <paramref name="fields"/> in file order, <paramref name="index"/> the field of each column (-1: absent); copied only when kept.</summary>
    public void Add(string?[] fields, int[] index)
    {
        seen++;
        if (rows.Count < capacity) rows.Add((seen, Pick(fields, index)));
        else if (random.NextInt64(seen) is var slot && slot < capacity) rows[(int)slot] = (seen, Pick(fields, index));
    }

    private static string?[] Pick(string?[] fields, int[] index) => Array.ConvertAll(index, i => i < 0 ? null : fields[i]);

    /// <summary>The sample, rows in the order they were read.</summary>
    public ProfileSample ToSample() => new(seed, columns, [.. rows.OrderBy(r => r.Index).Select(r => (IReadOnlyList<string?>)r.Row)]);
}
