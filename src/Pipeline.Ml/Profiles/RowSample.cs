using Pipeline.Formats.Csv;
using Pipeline.Formats.Profiles;
namespace Pipeline.Ml.Profiles;

/// <summary>A seeded reservoir sample (algorithm R) of rows: the first <see cref="ProfileSample.Capacity"/> rows, then each later row replaces a kept one with the right probability.</summary>
internal sealed class RowSample(IReadOnlyList<string> columns, int seed = ProfileSample.DefaultSeed, int capacity = ProfileSample.Capacity)
{
    private readonly List<(long Index, PackedRow Row)> rows = [];
    private readonly Random random = new(seed);
    private long seen;
    private bool? inOrder;

    /// <summary>
    /// Offers row <paramref name="row"/> of <paramref name="fields"/> (in file order), <paramref name="index"/> the field of
    /// each column (-1: absent); packed only when kept.
    /// </summary>
    public void Add(CsvRows fields, int row, int[] index)
    {
        seen++;
        if (rows.Count < capacity) rows.Add((seen, Pack(fields, row, index)));
        else if (random.NextInt64(seen) is var slot && slot < capacity) rows[(int)slot] = (seen, Pack(fields, row, index));
    }

    private PackedRow Pack(CsvRows fields, int row, int[] index)
    {
        inOrder ??= index.Length == fields.FieldCount(row) && index.Select((p, c) => p == c).All(same => same);
        return PackedRow.Pack(fields, row, index, inOrder.Value);
    }

    /// <summary>The sample, rows in the order they were read.</summary>
    public ProfileSample ToSample() => new(seed, columns, [.. rows.OrderBy(r => r.Index).Select(r => (IReadOnlyList<string?>)r.Row)]);
}
