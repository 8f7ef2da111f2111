using System.Collections;
using System.Text;
using Pipeline.Formats.Csv;

namespace Pipeline.Ml.Profiles;

/// <summary>
/// One kept row of a <see cref="RowSample"/>: its fields' UTF-8 bytes in one array, one separator byte after each but
/// the last, and each field's end, instead of a string per field (10,000 columns × 5,000 rows are 50 million strings,
/// several GiB, otherwise). A field becomes a string when it is read (null when empty), with the same characters it
/// was read with.
/// </summary>
// NOTE: the separator byte keeps a field's start at the previous field's end + 1, so a row whose columns are its fields in
// order and whose characters are ASCII is packed by one narrowing copy of its joined fields.
internal sealed class PackedRow : IReadOnlyList<string?>
{
    private readonly byte[] bytes;
    private readonly int[] ends;

    private PackedRow(byte[] bytes, int[] ends)
    {
        this.bytes = bytes;
        this.ends = ends;
    }

    /// <summary>
    /// Packs row <paramref name="row"/> of <paramref name="rows"/>: column c is its field <paramref name="index"/>[c] (-1:
    /// missing); <paramref name="inOrder"/> says that <paramref name="index"/>[c] is c for every field of the row.
    /// </summary>
    public static PackedRow Pack(CsvRows rows, int row, int[] index, bool inOrder)
    {
        var ends = new int[index.Length];
        if (inOrder && rows.Joined(row) is var joined && Ascii.IsValid(joined))
        {
            var narrow = new byte[joined.Length];
            Ascii.FromUtf16(joined, narrow, out _);
            for (int c = 0, end = -1; c < index.Length; c++) ends[c] = end = end + 1 + rows.Field(row, c).Length;
            return new PackedRow(narrow, ends);
        }
        var length = -1;
        for (var c = 0; c < index.Length; c++)
        {
            length++;
            if (index[c] >= 0) length += Encoding.UTF8.GetByteCount(rows.Field(row, index[c]));
            ends[c] = length;
        }
        var bytes = new byte[Math.Max(0, length)];
        for (var c = 0; c < index.Length; c++)
            if (index[c] >= 0) Encoding.UTF8.GetBytes(rows.Field(row, index[c]), bytes.AsSpan(Start(ends, c)));
        return new PackedRow(bytes, ends);
    }

    private static int Start(int[] ends, int index) => index == 0 ? 0 : ends[index - 1] + 1;

    /// <inheritdoc/>
    public int Count => ends.Length;

    /// <inheritdoc/>
    public string? this[int index]
    {
        get
        {
            var start = Start(ends, index);
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
