using System.Collections;
using System.Text;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Profiles;

/// <summary>
/// One kept row of a <see cref="RowSample"/>: its fields' UTF-8 bytes in one array and each field's end, instead of a
/// string per field (10,000 columns × 5,000 rows are 50 million strings, several GiB, otherwise). A field becomes a
/// string when it is read (null when empty), with the same characters it was read with.
/// </summary>
internal sealed class PackedRow : IReadOnlyList<string?>
{
    private readonly byte[] bytes;
    private readonly int[] ends;

    private PackedRow(byte[] bytes, int[] ends)
    {
        this.bytes = bytes;
        this.ends = ends;
    }

    /// <summary>Packs row <paramref name="row"/> of <paramref name="rows"/>: column c is its field <paramref name="index"/>[c] (-1: missing).</summary>
    public static PackedRow Pack(CsvRows rows, int row, int[] index)
    {
        var ends = new int[index.Length];
        var length = 0;
        for (var c = 0; c < index.Length; c++)
        {
            if (index[c] >= 0) length += Encoding.UTF8.GetByteCount(rows.Field(row, index[c]));
            ends[c] = length;
        }
        var bytes = new byte[length];
        for (var c = 0; c < index.Length; c++)
            if (index[c] >= 0) Encoding.UTF8.GetBytes(rows.Field(row, index[c]), bytes.AsSpan(c == 0 ? 0 : ends[c - 1]));
        return new PackedRow(bytes, ends);
    }

    /// <inheritdoc/>
    public int Count => ends.Length;

    /// <inheritdoc/>
    public string? this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : ends[index - 1];
            return ends[index] == start ? null : Encoding.UTF8.GetString(bytes, start, ends[index] - start);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<string?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
